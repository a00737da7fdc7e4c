package io.astralytiq.operator.foreign;

import io.astralytiq.operator.common.Informers;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The third-party APIs the operator creates objects of when a cluster has them installed. Each is known by its
 * CRD, which the operator watches by name, so that installing one later is picked up without a restart.
 */
public enum ForeignApi {
  CERTIFICATES("cert-manager.io", "v1", "Certificate", "certificates"),
  PROMETHEUS_RULES("monitoring.coreos.com", "v1", "PrometheusRule", "prometheusrules"),
  SERVICE_MONITORS("monitoring.coreos.com", "v1", "ServiceMonitor", "servicemonitors");

  private final String group;
  private final String version;
  private final String kind;
  private final String plural;

  ForeignApi(String group, String version, String kind, String plural) {
    this.group = group;
    this.version = version;
    this.kind = kind;
    this.plural = plural;
  }

  public String group() {
    return group;
  }

  public String version() {
    return version;
  }

  public String kind() {
    return kind;
  }

  public String plural() {
    return plural;
  }

  public String apiVersion() {
    return group + "/" + version;
  }

  /** Name of the CustomResourceDefinition that serves the API. */
  public String crdName() {
    return plural + "." + group;
  }

  /** Whether the cluster serves the API, as the informer watching its CRD last saw. */
  public boolean installed(Context<?> context) {
    return Informers.named(context, CustomResourceDefinition.class, crdSourceName()).get(new ResourceID(crdName())).filter(ForeignApi::established).isPresent();
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd.getMetadata().getDeletionTimestamp() == null && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Name of the informer that watches the CRD. */
  public String crdSourceName() {
    return "crd-" + plural;
  }
}
