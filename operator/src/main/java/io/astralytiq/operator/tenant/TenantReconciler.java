package io.astralytiq.operator.tenant;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantStatus;
import io.astralytiq.operator.common.Informers;
import io.astralytiq.operator.common.Refusal;
import io.astralytiq.operator.common.StatusEvents;
import io.astralytiq.operator.common.StatusPatch;
import io.astralytiq.operator.common.WorkflowRefusals;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.tenant.dependent.TenantNamespaceDependent;
import io.astralytiq.operator.tenant.dependent.TenantPolicyDependents.TenantLimitRangeDependent;
import io.astralytiq.operator.tenant.dependent.TenantPolicyDependents.TenantNetworkPolicyDependent;
import io.astralytiq.operator.tenant.dependent.TenantPolicyDependents.TenantQuotaDependent;
import io.astralytiq.operator.tenant.dependent.TenantPolicyDependents.TenantRoleBindingDependent;
import io.astralytiq.operator.tenant.dependent.TenantWorkflowContext;
import io.astralytiq.operator.tenant.model.TenantModel;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reconciles a Tenant into its namespaces and what each of them holds (member access, quota, defaults,
 * isolation), reports the truth in its status, and on deletion applies its deletionPolicy to the namespaces.
 */
@Workflow(explicitInvocation = true, handleExceptionsInReconciler = true, dependents = {
    @Dependent(name = "namespaces", type = TenantNamespaceDependent.class),
    @Dependent(name = "role-bindings", type = TenantRoleBindingDependent.class, dependsOn = "namespaces"),
    @Dependent(name = "quotas", type = TenantQuotaDependent.class, dependsOn = "namespaces"),
    @Dependent(name = "limit-ranges", type = TenantLimitRangeDependent.class, dependsOn = "namespaces"),
    @Dependent(name = "isolation", type = TenantNetworkPolicyDependent.class, dependsOn = "namespaces"),
})
@ControllerConfiguration(name = "tenant")
public class TenantReconciler implements Reconciler<Tenant>, Cleaner<Tenant> {

  /** How soon a Tenant whose roles are missing looks again: ClusterRoles are read, not watched. */
  static final Duration RECHECK_ROLES = Duration.ofSeconds(30);
  /**
   * How soon a Tenant with a refused object tries again: nothing the operator watches changes when a policy or a
   * quota is lifted, and a refused write is not worth repeating any sooner.
   */
  static final Duration RECHECK_REFUSED = Duration.ofMinutes(1);

  private final OperatorConfig config;
  private final StatusEvents events;
  private final TenantRoles roles;
  private final Clock clock;

  public TenantReconciler(OperatorConfig config, StatusEvents events, Clock clock) {
    this.config = config;
    this.events = events;
    this.roles = new TenantRoles(clock);
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, Tenant>> prepareEventSources(EventSourceContext<Tenant> context) {
    return List.of(TenantDashboards.eventSource(context));
  }

  @Override
  public UpdateControl<Tenant> reconcile(Tenant tenant, Context<Tenant> context) {
    TenantModel model = model(tenant, context);
    TenantWorkflowContext.share(context, model);
    List<Refusal> refused = WorkflowRefusals.of(
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow(),
        dependent -> "of tenant " + tenant.getMetadata().getName()).stream().map(WorkflowRefusals.Refused::refusal)
        .toList();
    List<Dashboard> dashboards = TenantDashboards.in(context, model.namespaces());
    List<ResourceQuota> quotas = context.getSecondaryResources(ResourceQuota.class).stream().toList();
    List<String> missingRoles = roles.missing(context.getClient(),
        model.roleBindings().stream().map(binding -> binding.getRoleRef().getName()).toList());
    TenantStatus status = TenantStatusFactory.compute(model, dashboards, quotas, missingRoles, refused, clock);
    events.onTransition(tenant, tenant.getStatus() == null ? null : tenant.getStatus().getConditions(),
        status.getConditions());
    UpdateControl<Tenant> control = StatusPatch.ifChanged(tenant, status, context);
    if (!refused.isEmpty()) {
      return control.rescheduleAfter(RECHECK_REFUSED);
    }
    return missingRoles.isEmpty() ? control : control.rescheduleAfter(RECHECK_ROLES);
  }

  @Override
  public DeleteControl cleanup(Tenant tenant, Context<Tenant> context) {
    TenantWorkflowContext.share(context, model(tenant, context));
    // The workflow hands errors back rather than throwing them (handleExceptionsInReconciler); a cleanup that
    // failed must be retried before the finalizer goes.
    context.managedWorkflowAndDependentResourceContext().cleanupManageWorkflow()
        .throwAggregateExceptionIfErrorsPresent();
    return DeleteControl.defaultDelete();
  }

  /** The namespaces the Tenant names, as the informer's cache has them: no API call per reconcile. */
  private TenantModel model(Tenant tenant, Context<Tenant> context) {
    InformerEventSource<Namespace, Tenant> namespaces = Informers.only(context, Namespace.class);
    Map<String, Optional<Namespace>> existing = new LinkedHashMap<>();
    for (String name : TenantNames.namespaces(tenant)) {
      existing.put(name, namespaces.get(new ResourceID(name)));
    }
    return new TenantModel(tenant, config, existing);
  }
}
