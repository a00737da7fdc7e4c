package io.astralytiq.operator.dashboard.dependent;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.operator.dashboard.alerts.AlertRules;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * What the reconciler shares with the dependents through the workflow context (the model, the Deployment on the
 * planned revision, the alert rules) and the informers' selector: put here before the workflow runs, read by each
 * dependent.
 */
public final class DashboardWorkflowContext {

  /** Informers of children cache only what the operator made. */
  public static final String OWNED = Labels.MANAGED_BY + "=" + Labels.OPERATOR;

  private static final String DEPLOYMENT_CREATED = "deployment-created";

  private DashboardWorkflowContext() {}

  /** The reconciler puts the model in the context before it runs the workflow; dependents only read it. */
  public static DashboardModel model(Context<Dashboard> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(DashboardModel.class,
        DashboardModel.class);
  }

  /**
   * Shares the model, and the Deployment to apply: the model's, running the revision the rollout chose (the
   * spec's own, or the last good one after a failure).
   */
  public static void share(Context<Dashboard> context, DashboardModel model, Deployment deployment,
      AlertRules alertRules) {
    context.managedWorkflowAndDependentResourceContext().put(DashboardModel.class, model);
    context.managedWorkflowAndDependentResourceContext().put(Deployment.class, deployment);
    context.managedWorkflowAndDependentResourceContext().put(AlertRules.class, alertRules);
  }

  /** Records that this reconciliation created the Deployment (it cannot have reported anything yet). */
  static void markDeploymentCreated(Context<Dashboard> context) {
    context.managedWorkflowAndDependentResourceContext().put(DEPLOYMENT_CREATED, Boolean.TRUE);
  }

  /** Whether this reconciliation created the Deployment. */
  public static boolean deploymentCreated(Context<Dashboard> context) {
    return context.managedWorkflowAndDependentResourceContext().get(DEPLOYMENT_CREATED, Boolean.class)
        .orElse(false);
  }

  /** The alert rules the reconciler built from spec.alerts. */
  public static AlertRules alertRules(Context<Dashboard> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(AlertRules.class, AlertRules.class);
  }

  public static Deployment deployment(Context<Dashboard> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(Deployment.class, Deployment.class);
  }
}
