package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.v1alpha1.AlertSpec.AlertType;
import io.astralytiq.operator.config.OperatorConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The operator-wide settings alerts and scraping are built with.
 *
 * @param runbookBaseUrl page the rules' runbook_url annotations point into, one anchor per alert type
 *     (see docs/alerts.md); set it to serve runbooks of your own with the same anchors
 * @param scrapeInterval how often Prometheus scrapes a runtime; rate windows must span at least two scrapes
 * @param monitoringLabels labels added to every ServiceMonitor and PrometheusRule, for a Prometheus whose selectors
 *     require some (kube-prometheus-stack selects on its release label by default)
 */
public record AlertSettings(String runbookBaseUrl, Duration scrapeInterval, Map<String, String> monitoringLabels) {

  public static final AlertSettings DEFAULTS = of(OperatorConfig.from(Map.of()));

  /** The operator's settings for alerts and scraping. */
  public static AlertSettings of(OperatorConfig config) {
    return new AlertSettings(config.runbookBaseUrl(), config.scrapeInterval(), config.monitoringLabels());
  }

  public AlertSettings {
    if (scrapeInterval.isZero() || scrapeInterval.isNegative()) {
      throw new IllegalArgumentException("the scrape interval must be positive, not " + scrapeInterval);
    }
    monitoringLabels = Map.copyOf(monitoringLabels);
  }

  /**
   * The runbook of one alert type: the base URL and the type's section. The anchor is the section heading as
   * GitHub makes anchors of headings (lower case), so headings in docs/alerts.md are the type names.
   */
  public String runbookUrl(AlertType type) {
    return runbookBaseUrl + "#" + type.name().toLowerCase(Locale.ROOT);
  }

  /** The shortest rate window with at least two samples in it; rate() is empty over fewer. */
  public Duration shortestWindow() {
    return scrapeInterval.multipliedBy(2);
  }
}
