package io.astralytiq.api.v1alpha1;

/**
 * Names of the objects a Dashboard owns: the one place they are made, for the operator and the tests alike.
 * The Dashboard's own name is limited (see {@link Dashboard}) so that every name here is valid.
 */
public final class DashboardNames {

  private DashboardNames() {}

  public static String deployment(Dashboard dashboard) {
    return dashboard.getMetadata().getName();
  }

  public static String service(Dashboard dashboard) {
    return dashboard.getMetadata().getName();
  }

  public static String serviceAccount(Dashboard dashboard) {
    return dashboard.getMetadata().getName();
  }

  public static String autoscaler(Dashboard dashboard) {
    return dashboard.getMetadata().getName();
  }

  public static String disruptionBudget(Dashboard dashboard) {
    return dashboard.getMetadata().getName();
  }

  public static String ingress(Dashboard dashboard) {
    return dashboard.getMetadata().getName();
  }

  public static String networkPolicy(Dashboard dashboard) {
    return dashboard.getMetadata().getName();
  }

  /** The Prometheus Operator ServiceMonitor that has the runtime's metrics scraped. */
  public static String serviceMonitor(Dashboard dashboard) {
    return dashboard.getMetadata().getName();
  }

  /** The Prometheus Operator PrometheusRule holding the Dashboard's alerts. */
  public static String prometheusRule(Dashboard dashboard) {
    return dashboard.getMetadata().getName();
  }

  /** The immutable ConfigMap of one definition content, named by its hash so every revision keeps its own. */
  public static String definitionConfigMap(Dashboard dashboard, String contentHash) {
    return dashboard.getMetadata().getName() + "-def-" + contentHash;
  }

  /** The Secret the Ingress serves TLS from, unless the user names one (tls.mode Secret). */
  public static String tlsSecret(Dashboard dashboard) {
    IngressSpec ingress = dashboard.getSpec().getIngress();
    if (ingress != null && ingress.getTls() != null && ingress.getTls().getSecretName() != null) {
      return ingress.getTls().getSecretName();
    }
    return dashboard.getMetadata().getName() + "-tls";
  }
}
