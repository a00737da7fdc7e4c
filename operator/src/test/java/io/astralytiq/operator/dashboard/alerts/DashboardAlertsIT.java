package io.astralytiq.operator.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.testing.ThirdPartyCrds;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * spec.alerts on a real API server: first without the Prometheus Operator's CRDs, then with them installed while
 * the operator runs (an API server of its own, so that the CRDs do not change other test classes). The objects
 * are validated by the Prometheus Operator's real CRD schemas.
 */
class DashboardAlertsIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onIsolatedApiServer(Map.of("MONITORING_LABELS",
      "release=kube-prometheus-stack"));

  @Test
  void alertsWaitForThePrometheusOperatorThenServeEveryValidAlertAndNameTheInvalidOne() {
    String namespace = operator.namespace("alerts");
    Dashboard dashboard = Dashboards.minimal(namespace, "sales");
    dashboard.getSpec().setAlerts(List.of(AlertDashboards.errorRate("HighErrorRate", "5%"),
        AlertDashboards.latency("SlowPages", "500ms"), AlertDashboards.availability("Down", "1"),
        AlertDashboards.custom("NoTraffic", "absent(up{namespace=\"" + namespace + "\"})"),
        AlertDashboards.latency("SlowInPercent", "5%")));
    operator.client().resource(dashboard).create();

    Condition notInstalled = operator.dashboards().awaitCondition(namespace, "sales",
        DashboardConditions.ALERTS_READY, "False", DashboardConditions.REASON_PROMETHEUS_OPERATOR_NOT_INSTALLED);
    assertThat(notInstalled.getMessage()).contains("5 alert(s)").contains("prometheusrules.monitoring.coreos.com");
    assertThat(operator.client().apps().deployments().inNamespace(namespace).withName("sales").get())
        .as("the dashboard runs without its alerts").isNotNull();

    ThirdPartyCrds.PROMETHEUS_OPERATOR.install(operator.client());

    PrometheusRule rule = operator.dashboards().awaitPresent("the PrometheusRule",
        () -> operator.client().resources(PrometheusRule.class).inNamespace(namespace).withName("sales").get());
    assertThat(rule.getSpec().getGroups()).singleElement().satisfies(group -> assertThat(group.getRules())
        .extracting(Rule::getAlert).containsExactly("HighErrorRate", "SlowPages", "Down", "NoTraffic"));
    assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    assertThat(rule.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getName()).isEqualTo("sales"));
    Condition invalid = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ALERTS_READY,
        "False", DashboardConditions.REASON_ALERT_INVALID);
    assertThat(invalid.getMessage()).contains("SlowInPercent").contains("4 of 5 alerts served");
    operator.dashboards().awaitEvent(namespace, "sales", "Warning", DashboardConditions.REASON_ALERT_INVALID);

    ServiceMonitor monitor = operator.dashboards().awaitPresent("the ServiceMonitor",
        () -> operator.client().resources(ServiceMonitor.class).inNamespace(namespace).withName("sales").get());
    assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
      assertThat(endpoint.getPort()).isEqualTo(RuntimeContract.PORT_NAME);
      assertThat(endpoint.getPath()).isEqualTo(RuntimeContract.METRICS_PATH);
    });

    // Fixing the alert serves all five; removing every alert removes the rule but keeps the scraping.
    operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().getAlerts().get(4).setThreshold("750ms");
      return d;
    });
    Condition applied = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ALERTS_READY,
        "True", DashboardConditions.REASON_ALERTS_APPLIED);
    assertThat(applied.getMessage()).contains("5 of 5 alerts served");
    operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().setAlerts(List.of());
      return d;
    });
    operator.dashboards().awaitAbsent("the PrometheusRule",
        () -> operator.client().resources(PrometheusRule.class).inNamespace(namespace).withName("sales").get());
    assertThat(operator.client().resources(ServiceMonitor.class).inNamespace(namespace).withName("sales").get())
        .isNotNull();
  }
}
