package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.runtime.RuntimeMetrics;
import java.math.BigDecimal;

/**
 * The PromQL of the ready-made alert types over one dashboard's series. The Prometheus Operator labels every series
 * scraped through a ServiceMonitor with the Service's namespace and name (labels namespace and service), so those two
 * select exactly the dashboard's pods, whatever pods come and go. Names are DNS labels: nothing in them needs
 * escaping inside a PromQL string.
 */
final class RuleExpressions {

  /**
   * Spring's actuator endpoints: the probes and the metrics scrape (RuntimeContract's READINESS_PATH, LIVENESS_PATH,
   * METRICS_PATH lie under it). They are the kubelet's and Prometheus' requests, not users', so they would dilute the
   * error rate and skew the latency: the uri tag lets them be left out.
   */
  static final String ACTUATOR_URIS = "/actuator/.*";
  /** Tag of RuntimeMetrics.HTTP_REQUESTS with the request's URI template; RuntimeMetrics names no constant for it. */
  static final String TAG_URI = "uri";
  /** Prometheus' own series per scrape target: 1 when the last scrape succeeded, 0 when it failed. */
  static final String UP = "up";
  /**
   * Server errors by status code rather than by Spring's outcome tag: any HTTP server's metrics carry a status, so a
   * non-Spring runtime exposing the same timer is covered too.
   */
  static final String SERVER_ERROR_STATUSES = "5..";

  private final String namespace;
  private final String service;

  RuleExpressions(String namespace, String service) {
    this.namespace = namespace;
    this.service = service;
  }

  /**
   * Fewer than {@code pods} scrape targets up. count() of nothing is nothing rather than 0, so {@code or vector(0)}
   * makes the expression fire when no pod is up at all: the case that matters most.
   */
  String availability(int pods) {
    return "(count(" + UP + selector("") + " == 1) or vector(0)) < " + pods;
  }

  /** The share of user requests answered with a 5xx over the window; NaN, so silent, while there are none. */
  String errorRate(BigDecimal ratio, String window) {
    String errors = RuntimeMetrics.TAG_STATUS + "=~\"" + SERVER_ERROR_STATUSES + "\",";
    return "sum(rate(" + RuntimeMetrics.HTTP_REQUESTS_SECONDS_COUNT + userRequests(errors) + "[" + window + "]))"
        + " / sum(rate(" + RuntimeMetrics.HTTP_REQUESTS_SECONDS_COUNT + userRequests("") + "[" + window + "]))"
        + " > " + Threshold.promql(ratio);
  }

  /** A percentile of user requests' durations over the window, from the runtime's histogram buckets of all pods. */
  String latency(BigDecimal quantile, BigDecimal seconds, String window) {
    return "histogram_quantile(" + Threshold.promql(quantile) + ", sum by (le) (rate("
        + RuntimeMetrics.HTTP_REQUESTS_SECONDS_BUCKET + userRequests("") + "[" + window + "])))"
        + " > " + Threshold.promql(seconds);
  }

  private String userRequests(String extraMatchers) {
    return selector(extraMatchers + TAG_URI + "!~\"" + ACTUATOR_URIS + "\"");
  }

  private String selector(String extraMatchers) {
    String target = "namespace=\"" + namespace + "\",service=\"" + service + "\"";
    return "{" + target + (extraMatchers.isEmpty() ? "" : "," + extraMatchers) + "}";
  }
}
