package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.EndpointBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Has Prometheus scrape the runtime's metrics through the dashboard's Service. The Prometheus Operator labels what it
 * scrapes with the Service's namespace and name (labels namespace and service, and job = the Service's name), which
 * is how the dashboard's alert rules find its series.
 */
public final class DesiredServiceMonitor {

  /** Prometheus' default scrape timeout, which a shorter interval must also bound (a timeout above it is refused). */
  private static final Duration DEFAULT_SCRAPE_TIMEOUT = Duration.ofSeconds(10);

  private DesiredServiceMonitor() {}

  public static ServiceMonitor of(DashboardModel model, AlertSettings settings) {
    return new ServiceMonitorBuilder()
        .withMetadata(metadata(model, settings, DashboardNames.serviceMonitor(model.dashboard())))
        .withNewSpec()
          // The Service's selector labels, which its own labels include; nothing else in the namespace carries both.
          .withNewSelector().withMatchLabels(model.selectorLabels()).endSelector()
          .withNewNamespaceSelector().withMatchNames(model.namespace()).endNamespaceSelector()
          .withEndpoints(endpoint(settings.scrapeInterval()))
        .endSpec()
        .build();
  }

  private static Endpoint endpoint(Duration interval) {
    EndpointBuilder endpoint = new EndpointBuilder()
        .withPort(RuntimeContract.PORT_NAME)
        .withPath(RuntimeContract.METRICS_PATH)
        .withInterval(PromDuration.format(interval));
    if (interval.compareTo(DEFAULT_SCRAPE_TIMEOUT) < 0) {
      endpoint.withScrapeTimeout(PromDuration.format(interval));
    }
    return endpoint.build();
  }

  /**
   * A child's metadata with the monitoring labels a Prometheus may select on; the operator's own labels win over
   * them, since its informers and the garbage collection of children depend on those.
   */
  static ObjectMeta metadata(DashboardModel model, AlertSettings settings, String name) {
    ObjectMeta owned = model.childMetadata(name);
    Map<String, String> labels = new LinkedHashMap<>(settings.monitoringLabels());
    labels.putAll(owned.getLabels());
    return new ObjectMetaBuilder(owned).withLabels(labels).build();
  }
}
