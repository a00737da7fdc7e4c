package io.astralytiq.operator.tenant.dependent;

import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.operator.tenant.model.TenantModel;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The model the Tenant reconciler computed, shared with its dependents through the context. */
public final class TenantWorkflowContext {

  private TenantWorkflowContext() {}

  public static TenantModel model(Context<Tenant> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(TenantModel.class, TenantModel.class);
  }

  public static void share(Context<Tenant> context, TenantModel model) {
    context.managedWorkflowAndDependentResourceContext().put(TenantModel.class, model);
  }
}
