package io.astralytiq.runtime.engine;

/**
 * Sample datasets the runtime generates itself, so the templates run anywhere without a download or a mounted
 * file. Deterministic: values come from hashing the row number, so two replicas show the same figures. Dates are
 * relative to today so the "last 30 days" always has data.
 */
final class SampleData {

  private SampleData() {}

  static String select(String sample) {
    return switch (sample) {
      case "orders" -> """
          SELECT i AS order_id,
                 (current_date - (hash(i, 'day') % 365)::INTEGER)::DATE AS ordered_at,
                 ['EMEA', 'AMER', 'APAC'][1 + (hash(i, 'region') % 3)::INTEGER] AS region,
                 ['Starter', 'Team', 'Business', 'Enterprise', 'Add-ons'][1 + (hash(i, 'product') % 5)::INTEGER] AS product,
                 ['web', 'partner', 'sales'][1 + (hash(i, 'channel') % 3)::INTEGER] AS channel,
                 round(20 + ((hash(i, 'amount') % 48000)::INTEGER) / 100.0 * (1 + ((hash(i, 'day') % 365)::INTEGER < 180)::INTEGER * 0.15), 2)
                   AS amount,
                 CASE WHEN (hash(i, 'status') % 20)::INTEGER = 0 THEN 'refunded' ELSE 'paid' END AS status,
                 1 + (hash(i, 'customer') % 2500)::INTEGER AS customer_id
          FROM range(20000) t(i)""";
      case "metrics" -> """
          SELECT date_trunc('minute', now()::TIMESTAMP) - to_minutes(m) AS ts,
                 s AS service,
                 CAST(200 + 120 * sin(m / 90.0) + (hash(m, s) % 40)::INTEGER + (s = 'checkout')::INTEGER * 150 AS BIGINT)
                   AS requests,
                 CAST((hash(m, s, 'err') % 7)::INTEGER + (m % 311 < 12)::INTEGER * 25 AS BIGINT) AS errors,
                 round(40 + 25 * cos(m / 60.0) + (hash(m, s, 'lat') % 30)::INTEGER + (s = 'search')::INTEGER * 35, 1)
                   AS latency_ms,
                 round(0.25 + 0.2 * sin(m / 120.0) + ((hash(m, s, 'cpu') % 100)::INTEGER) / 1000.0, 3) AS cpu
          FROM range(1440) a(m), (VALUES ('checkout'), ('search'), ('catalog')) b(s)""";
      case "funnel" -> """
          WITH visits AS (
            SELECT w, r, 4000 + (hash(w, r) % 2500)::INTEGER AS visitors
            FROM range(26) a(w), (VALUES ('EMEA'), ('AMER'), ('APAC')) b(r))
          SELECT (date_trunc('week', current_date) - to_weeks(w))::DATE AS week, r AS region, stage, step,
                 CAST(visitors * factor * (0.9 + ((hash(w, r, stage) % 20)::INTEGER) / 100.0) AS BIGINT) AS users
          FROM visits, (VALUES (1, 'Visit', 1.0), (2, 'Sign-up', 0.22), (3, 'Trial', 0.11),
                               (4, 'Purchase', 0.035)) s(step, stage, factor)""";
      default -> throw new IllegalArgumentException("unknown sample " + sample);
    };
  }
}
