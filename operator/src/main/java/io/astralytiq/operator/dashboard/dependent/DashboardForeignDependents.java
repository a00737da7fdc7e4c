package io.astralytiq.operator.dashboard.dependent;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.dashboard.alerts.AlertSettings;
import io.astralytiq.operator.dashboard.alerts.DesiredServiceMonitor;
import io.astralytiq.operator.foreign.Certificate;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The Dashboard's children of third-party APIs, each active only while its API is installed. */
public final class DashboardForeignDependents {

  private DashboardForeignDependents() {}

  /** The rules of spec.alerts, while {@link Preconditions.AlertRulesWanted}. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
  public static class DashboardPrometheusRuleDependent extends DashboardChildDependent<PrometheusRule> {
    public DashboardPrometheusRuleDependent() {
      super(PrometheusRule.class, DashboardNames::prometheusRule);
    }

    @Override
    protected PrometheusRule desired(Dashboard dashboard, Context<Dashboard> context) {
      return DashboardWorkflowContext.alertRules(context).prometheusRule().orElseThrow();
    }
  }

  /** Has Prometheus scrape the runtime. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
  public static class DashboardServiceMonitorDependent extends DashboardChildDependent<ServiceMonitor> {
    public DashboardServiceMonitorDependent() {
      super(ServiceMonitor.class, m -> DesiredServiceMonitor.of(m, AlertSettings.of(m.config())),
          DashboardNames::serviceMonitor);
    }
  }

  /** cert-manager's Certificate for the host, while {@link Preconditions.CertificateWanted}. */
  @KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
  public static class DashboardCertificateDependent extends DashboardChildDependent<Certificate> {
    public DashboardCertificateDependent() {
      super(Certificate.class, m -> m.certificate().orElseThrow(), DashboardNames::certificate);
    }
  }
}
