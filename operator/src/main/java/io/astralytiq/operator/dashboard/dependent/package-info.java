/**
 * The workflow's dependents, one per Dashboard child: built-in kinds in DashboardBuiltInDependents, third-party
 * kinds in DashboardForeignDependents, the definition ConfigMap on its own; the preconditions that make children
 * optional; and DashboardWorkflowContext, what the reconciler shares with them. No logic: desired() calls the model.
 */
package io.astralytiq.operator.dashboard.dependent;
