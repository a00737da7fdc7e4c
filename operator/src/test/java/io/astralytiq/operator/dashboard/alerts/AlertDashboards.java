package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.runtime.RuntimeMetrics;
import io.astralytiq.api.v1alpha1.AlertSeverity;
import io.astralytiq.api.v1alpha1.AlertSpec;
import io.astralytiq.api.v1alpha1.AlertSpec.AlertType;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.testing.Dashboards;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dashboards with alerts for the alert tests: the scenarios whose rules are kept as golden YAML and checked by
 * promtool, and small builders for the cases in between.
 */
final class AlertDashboards {

  static final String NAMESPACE = "acme-analytics";
  static final String NAME = "sales";
  static final String TENANT = "acme";
  private static final OperatorConfig CONFIG = OperatorConfig.from(Map.of());

  /** Settings as an end-to-end test would set them, so that alerts fire and resolve within seconds. */
  static final AlertSettings FAST = new AlertSettings(OperatorConfig.DEFAULT_RUNBOOK_BASE_URL, Duration.ofSeconds(5),
      Map.of());

  /**
   * A named dashboard whose alerts are kept as golden YAML under golden/alerts/.
   *
   * @param name the golden file's name
   * @param model the dashboard
   * @param settings the settings its rules are built with
   */
  record Scenario(String name, DashboardModel model, AlertSettings settings) {

    AlertRules rules() {
      return AlertRules.from(model, settings);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private AlertDashboards() {}

  static List<Scenario> scenarios() {
    AlertSpec backlog = custom("NoLiveClients", "sum(" + RuntimeMetrics.LIVE_CLIENTS_SERIES + "{namespace=\""
        + NAMESPACE + "\"}) == 0");
    AlertSpec slow = latency("SlowPages", "500ms");
    slow.setPercentile("0.99");
    slow.setWindow("10m");
    AlertSpec slowHour = latency("SlowOverAnHour", "2s");
    slowHour.setWindow("1h30m");
    slowHour.setForDuration("30s5m");
    AlertSpec quick = errorRate("ErrorsNow", "0.5%");
    quick.setWindow("10s");
    quick.setForDuration("10s");
    AlertSpec down = availability("NoPodUp", "1");
    down.setSeverity(AlertSeverity.CRITICAL);
    down.setForDuration("1m");
    return List.of(
        new Scenario("all-types", model(2, down, errorRate("HighErrorRate", "5%"), slow, backlog),
            AlertSettings.DEFAULTS),
        new Scenario("availability", model(3, availability("FewPods", "2")), AlertSettings.DEFAULTS),
        new Scenario("error-rate-fast", model(1, quick), FAST),
        new Scenario("latency-normalised-durations", model(1, slowHour), AlertSettings.DEFAULTS),
        new Scenario("custom", model(1, backlog), AlertSettings.DEFAULTS));
  }

  static Scenario scenario(String name) {
    return scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  static DashboardModel model(int replicas, AlertSpec... alerts) {
    DashboardSpec spec = new DashboardSpec();
    spec.setReplicas(replicas);
    spec.setAlerts(List.of(alerts));
    return model(spec);
  }

  static DashboardModel model(DashboardSpec spec) {
    Dashboard dashboard = Dashboards.minimal(NAMESPACE, NAME);
    dashboard.getMetadata().setUid("0b5e7f8a-1d2c-4e3f-9a8b-7c6d5e4f3a2b");
    spec.setDefinition(dashboard.getSpec().getDefinition());
    dashboard.setSpec(spec);
    return new DashboardModel(dashboard, CONFIG, null, TENANT, null, false, null, Set.of());
  }

  static AlertSpec availability(String name, String pods) {
    return alert(name, AlertType.Availability, pods);
  }

  static AlertSpec errorRate(String name, String percent) {
    return alert(name, AlertType.ErrorRate, percent);
  }

  static AlertSpec latency(String name, String time) {
    return alert(name, AlertType.Latency, time);
  }

  static AlertSpec custom(String name, String expr) {
    AlertSpec alert = alert(name, AlertType.Custom, null);
    alert.setExpr(expr);
    return alert;
  }

  static AlertSpec alert(String name, AlertType type, String threshold) {
    AlertSpec alert = new AlertSpec();
    alert.setName(name);
    alert.setType(type);
    alert.setThreshold(threshold);
    return alert;
  }
}
