package io.astralytiq.operator.dashboard.dependent;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** When an optional child exists: each a one-line question to the model. A child whose answer is no is deleted. */
public final class Preconditions {

  private Preconditions() {}

  /** The runtime reads a definition (the default runtime, or a custom image given one). */
  public static final class DefinitionPresent implements Condition<Object, Dashboard> {
    @Override
    public boolean isMet(DependentResource<Object, Dashboard> dependent, Dashboard dashboard,
        Context<Dashboard> context) {
      return DashboardDependents.model(context).definitionConfigMap().isPresent();
    }
  }

  public static final class AutoscalerWanted implements Condition<Object, Dashboard> {
    @Override
    public boolean isMet(DependentResource<Object, Dashboard> dependent, Dashboard dashboard,
        Context<Dashboard> context) {
      return DashboardDependents.model(context).autoscaling().isPresent();
    }
  }

  public static final class DisruptionBudgetWanted implements Condition<Object, Dashboard> {
    @Override
    public boolean isMet(DependentResource<Object, Dashboard> dependent, Dashboard dashboard,
        Context<Dashboard> context) {
      return DashboardDependents.model(context).disruptionBudget().isPresent();
    }
  }

  public static final class IngressWanted implements Condition<Object, Dashboard> {
    @Override
    public boolean isMet(DependentResource<Object, Dashboard> dependent, Dashboard dashboard,
        Context<Dashboard> context) {
      return DashboardDependents.model(context).servedIngress().isPresent();
    }
  }
}
