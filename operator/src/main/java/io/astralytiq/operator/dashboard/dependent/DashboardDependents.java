package io.astralytiq.operator.dashboard.dependent;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** What every Dashboard dependent shares: the model the reconciler computed, and the informers' selector. */
public final class DashboardDependents {

  /** Informers of children cache only what the operator made. */
  public static final String OWNED = Labels.MANAGED_BY + "=" + Labels.OPERATOR;

  private DashboardDependents() {}

  /** The reconciler puts the model in the context before it runs the workflow; dependents only read it. */
  public static DashboardModel model(Context<Dashboard> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(DashboardModel.class,
        DashboardModel.class);
  }

  public static void share(Context<Dashboard> context, DashboardModel model) {
    context.managedWorkflowAndDependentResourceContext().put(DashboardModel.class, model);
  }
}
