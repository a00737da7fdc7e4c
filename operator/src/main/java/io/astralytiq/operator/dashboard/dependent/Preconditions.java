package io.astralytiq.operator.dashboard.dependent;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.foreign.ForeignApi;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.util.function.Predicate;

/** When an optional child exists: each a one-line question to the model. A child whose answer is no is deleted. */
public final class Preconditions {

  private Preconditions() {}

  /** The runtime reads a definition (the default runtime, or a custom image given one). */
  public static final class DefinitionPresent extends ModelCondition {
    public DefinitionPresent() {
      super(m -> m.definitionConfigMap().isPresent());
    }
  }

  public static final class AutoscalerWanted extends ModelCondition {
    public AutoscalerWanted() {
      super(m -> m.autoscaling().isPresent());
    }
  }

  public static final class DisruptionBudgetWanted extends ModelCondition {
    public DisruptionBudgetWanted() {
      super(m -> m.disruptionBudget().isPresent());
    }
  }

  public static final class IngressWanted extends ModelCondition {
    public IngressWanted() {
      super(m -> m.servedIngress().isPresent());
    }
  }

  public static final class CertificateWanted extends ModelCondition {
    public CertificateWanted() {
      super(m -> m.certificate().isPresent());
    }
  }

  /** cert-manager is installed: its Certificate dependent (and informer) runs only then. */
  public static final class CertManagerInstalled extends ApiInstalled {
    public CertManagerInstalled() {
      super(ForeignApi.CERTIFICATES);
    }
  }

  /** Some alert could be built: the PrometheusRule exists only then. */
  public static final class AlertRulesWanted implements Condition<Object, Dashboard> {
    @Override
    public boolean isMet(DependentResource<Object, Dashboard> dependent, Dashboard dashboard,
        Context<Dashboard> context) {
      return DashboardWorkflowContext.alertRules(context).prometheusRule().isPresent();
    }
  }

  /** The Prometheus Operator serves PrometheusRules. */
  public static final class PrometheusRulesInstalled extends ApiInstalled {
    public PrometheusRulesInstalled() {
      super(ForeignApi.PROMETHEUS_RULES);
    }
  }

  /** The Prometheus Operator serves ServiceMonitors. */
  public static final class ServiceMonitorsInstalled extends ApiInstalled {
    public ServiceMonitorsInstalled() {
      super(ForeignApi.SERVICE_MONITORS);
    }
  }

  /** Whether a third-party API is served, from the informer on its CRD. */
  abstract static class ApiInstalled implements Condition<Object, Dashboard> {
    private final ForeignApi api;

    ApiInstalled(ForeignApi api) {
      this.api = api;
    }

    @Override
    public boolean isMet(DependentResource<Object, Dashboard> dependent, Dashboard dashboard,
        Context<Dashboard> context) {
      return api.installed(context);
    }
  }

  /** A condition answered by the model the reconciler shared; JOSDK instantiates each subclass by itself. */
  abstract static class ModelCondition implements Condition<Object, Dashboard> {
    private final Predicate<DashboardModel> question;

    ModelCondition(Predicate<DashboardModel> question) {
      this.question = question;
    }

    @Override
    public boolean isMet(DependentResource<Object, Dashboard> dependent, Dashboard dashboard,
        Context<Dashboard> context) {
      return question.test(DashboardWorkflowContext.model(context));
    }
  }
}
