package io.astralytiq.operator.dashboard.dependent;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.common.WorkflowRefusals;
import io.astralytiq.operator.dashboard.dependent.DashboardBuiltInDependents.DashboardDeploymentDependent;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The children the API server refused in one run of the workflow, as problems of the Dashboard: one mechanism for
 * every child, so that a value the schema lets through but Kubernetes refuses (or an admission policy, or a quota)
 * becomes {@code Ready=False ChildRefused} and one Warning Event instead of an exception retried with a stack trace.
 * An error that is no refusal is rethrown, for the SDK's retry with backoff.
 *
 * @param problems one per refused child, in the order of their kinds
 * @param deploymentRefused whether the Deployment was refused: then the last good one keeps running, and the
 *     revision planned is neither judged nor recorded
 */
public record ChildRefusals(List<Outcome> problems, boolean deploymentRefused) {

  /**
   * Nothing the operator watches changes when a policy or a quota is lifted: look again then, as a user who just
   * fixed the cluster expects, without hammering the API server with a write it refused.
   */
  static final Duration RECHECK = Duration.ofMinutes(1);

  /**
   * @throws RuntimeException the workflow's errors together, when any of them is not a refusal
   */
  public static ChildRefusals of(WorkflowReconcileResult result, Dashboard dashboard, Context<Dashboard> context,
      Clock clock) {
    List<WorkflowRefusals.Refused> refused = WorkflowRefusals.of(result,
        dependent -> childName(dependent, dashboard, context));
    List<Outcome> problems = refused.stream().map(r -> new Outcome(DashboardConditions.READY, false,
        DashboardConditions.REASON_CHILD_REFUSED, r.refusal().describe(), clock.instant().plus(RECHECK))).toList();
    boolean deploymentRefused = refused.stream().anyMatch(r -> r.dependent() instanceof DashboardDeploymentDependent);
    return new ChildRefusals(problems, deploymentRefused);
  }

  private static String childName(DependentResource<?, ?> dependent, Dashboard dashboard,
      Context<Dashboard> context) {
    if (dependent instanceof DashboardChildDependent<?> child) {
      return child.targetSecondaryResourceID(dashboard, context).getName();
    }
    if (dependent instanceof DashboardDefinitionDependent definition) {
      return definition.targetSecondaryResourceID(dashboard, context).getName();
    }
    return dashboard.getMetadata().getName();
  }
}
