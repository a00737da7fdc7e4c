package io.astralytiq.runtime.limits;

import static io.astralytiq.api.runtime.RuntimeMetrics.REQUESTS_REJECTED;
import static io.astralytiq.api.runtime.RuntimeMetrics.TAG_LIMIT;

import io.astralytiq.runtime.RuntimeProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** The request-rate bounds per client, and the count of what they refused. */
public final class Limits {

  public static final String API_RATE = "api-rate";
  public static final String EXPORT_RATE = "export-rate";
  public static final String EXPORT_QUEUE = "export-queue";
  public static final String LIVE_STREAMS = "live-streams";

  private final ClientRateLimits api;
  private final ClientRateLimits exports;
  private final MeterRegistry registry;

  public Limits(RuntimeProperties.Limits limits, MeterRegistry registry) {
    this.api = new ClientRateLimits(API_RATE, limits.apiBurst(), limits.apiPerSecond(), Duration.ofSeconds(1));
    this.exports = new ClientRateLimits(EXPORT_RATE, limits.exportBurst(), limits.exportsPerMinute(),
        Duration.ofMinutes(1));
    this.registry = registry;
  }

  /** @throws LimitExceededException when the client made too many data API requests */
  public void api(String client) {
    api.take(client);
  }

  /** @throws LimitExceededException when the client started too many exports */
  public void export(String client) {
    exports.take(client);
  }

  public void rejected(LimitExceededException e) {
    Counter.builder(REQUESTS_REJECTED).tag(TAG_LIMIT, e.limit())
        .description("Requests answered 429 because a bound was reached").register(registry).increment();
  }
}
