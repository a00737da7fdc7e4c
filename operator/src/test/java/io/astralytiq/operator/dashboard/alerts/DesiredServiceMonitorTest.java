package io.astralytiq.operator.dashboard.alerts;

import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.errorRate;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.testing.GoldenFiles;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

/** The ServiceMonitor that has the runtime scraped, and its agreement with the Service and the alert rules. */
class DesiredServiceMonitorTest {

  private final DashboardModel model = model(2, errorRate("HighErrorRate", "5%"));

  @Test
  void scrapesTheRuntimesMetricsEveryThirtySeconds() {
    ServiceMonitor monitor = DesiredServiceMonitor.of(model, AlertSettings.DEFAULTS);

    GoldenFiles.assertMatches("alerts/servicemonitor", monitor);
    assertThat(monitor.getMetadata().getName()).isEqualTo(DashboardNames.serviceMonitor(model.dashboard()));
    assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
      assertThat(endpoint.getPort()).isEqualTo(RuntimeContract.PORT_NAME);
      assertThat(endpoint.getPath()).isEqualTo(RuntimeContract.METRICS_PATH);
      assertThat(endpoint.getInterval()).isEqualTo("30s");
      assertThat(endpoint.getScrapeTimeout()).as("Prometheus' default of 10s fits").isNull();
    });
  }

  @Test
  void selectsTheDashboardsServiceInItsOwnNamespaceByItsPortName() {
    ServiceMonitor monitor = DesiredServiceMonitor.of(model, AlertSettings.DEFAULTS);
    Service service = model.service();

    assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().getSelector()
        .getMatchLabels());
    assertThat(monitor.getSpec().getSelector().getMatchExpressions()).isEmpty();
    assertThat(monitor.getSpec().getNamespaceSelector().getMatchNames()).containsExactly(model.namespace());
    assertThat(service.getSpec().getPorts()).extracting(port -> port.getName())
        .contains(monitor.getSpec().getEndpoints().get(0).getPort());
  }

  @Test
  void theRulesSelectTheServiceLabelPrometheusGivesTheScrapedSeries() {
    // The Prometheus Operator sets service = the Service's name on every series scraped through the ServiceMonitor.
    String serviceName = model.service().getMetadata().getName();

    assertThat(AlertRulesTest.rules(AlertRules.from(model, AlertSettings.DEFAULTS)).get(0)
        .getExpr().getStrVal()).contains("service=\"" + serviceName + "\"")
        .contains("namespace=\"" + model.namespace() + "\"");
  }

  @Test
  void aShortIntervalBoundsTheScrapeTimeoutToo() {
    Endpoint endpoint = DesiredServiceMonitor.of(model, AlertDashboards.FAST).getSpec().getEndpoints().get(0);

    assertThat(endpoint.getInterval()).isEqualTo("5s");
    assertThat(endpoint.getScrapeTimeout()).isEqualTo("5s");
  }
}
