package io.astralytiq.operator.dashboard;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardStatus;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.common.StatusEvents;
import io.astralytiq.operator.common.StatusPatch;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.alerts.AlertRules;
import io.astralytiq.operator.dashboard.alerts.AlertSettings;
import io.astralytiq.operator.dashboard.alerts.DashboardAlerts;
import io.astralytiq.operator.dashboard.dependent.ChildRefusals;
import io.astralytiq.operator.dashboard.dependent.DashboardBuiltInDependents.DashboardAutoscalerDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardBuiltInDependents.DashboardDeploymentDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardBuiltInDependents.DashboardDisruptionBudgetDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardBuiltInDependents.DashboardIngressDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardBuiltInDependents.DashboardNetworkPolicyDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardBuiltInDependents.DashboardServiceAccountDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardBuiltInDependents.DashboardServiceDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardDefinitionDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardForeignDependents.DashboardCertificateDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardForeignDependents.DashboardPrometheusRuleDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardForeignDependents.DashboardServiceMonitorDependent;
import io.astralytiq.operator.dashboard.dependent.DashboardWorkflowContext;
import io.astralytiq.operator.dashboard.dependent.Preconditions.AlertRulesWanted;
import io.astralytiq.operator.dashboard.dependent.Preconditions.AutoscalerWanted;
import io.astralytiq.operator.dashboard.dependent.Preconditions.CertManagerInstalled;
import io.astralytiq.operator.dashboard.dependent.Preconditions.CertificateWanted;
import io.astralytiq.operator.dashboard.dependent.Preconditions.DefinitionPresent;
import io.astralytiq.operator.dashboard.dependent.Preconditions.DisruptionBudgetWanted;
import io.astralytiq.operator.dashboard.dependent.Preconditions.IngressWanted;
import io.astralytiq.operator.dashboard.dependent.Preconditions.PrometheusRulesInstalled;
import io.astralytiq.operator.dashboard.dependent.Preconditions.ServiceMonitorsInstalled;
import io.astralytiq.operator.dashboard.images.DashboardImages;
import io.astralytiq.operator.dashboard.images.ImageDecision;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import io.astralytiq.operator.dashboard.rollout.RolloutListener;
import io.astralytiq.operator.dashboard.rollout.RolloutPlan;
import io.astralytiq.operator.dashboard.rollout.RolloutRecorder;
import io.astralytiq.operator.dashboard.rollout.Rollouts;
import io.astralytiq.operator.dashboard.rollout.Verdict;
import io.astralytiq.operator.dashboard.tls.CertificateTools;
import io.astralytiq.operator.dashboard.tls.DashboardTls;
import io.astralytiq.operator.dashboard.tls.OperatorLeaf;
import io.astralytiq.operator.dashboard.tls.OperatorTlsSecret;
import io.astralytiq.operator.dashboard.tls.TlsOutcome;
import io.astralytiq.operator.foreign.ForeignApi;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reconciles a Dashboard: resolves its inputs; when they hold no user mistake, runs the workflow of children;
 * then reports the truth in the status, written only when it changed.
 */
@Workflow(explicitInvocation = true, handleExceptionsInReconciler = true, dependents = {
    @Dependent(name = "definition", type = DashboardDefinitionDependent.class,
        reconcilePrecondition = DefinitionPresent.class),
    @Dependent(name = "service-account", type = DashboardServiceAccountDependent.class),
    // Pods are refused while their ServiceAccount does not exist: create it first, or the first start warns.
    @Dependent(name = "deployment", type = DashboardDeploymentDependent.class, dependsOn = "service-account"),
    @Dependent(name = "service", type = DashboardServiceDependent.class),
    @Dependent(name = "autoscaler", type = DashboardAutoscalerDependent.class,
        reconcilePrecondition = AutoscalerWanted.class),
    @Dependent(name = "disruption-budget", type = DashboardDisruptionBudgetDependent.class,
        reconcilePrecondition = DisruptionBudgetWanted.class),
    @Dependent(name = "ingress", type = DashboardIngressDependent.class, reconcilePrecondition = IngressWanted.class),
    @Dependent(name = "network-policy", type = DashboardNetworkPolicyDependent.class),
    @Dependent(name = "certificate", type = DashboardCertificateDependent.class,
        reconcilePrecondition = CertificateWanted.class, activationCondition = CertManagerInstalled.class),
    @Dependent(name = "prometheus-rule", type = DashboardPrometheusRuleDependent.class,
        reconcilePrecondition = AlertRulesWanted.class, activationCondition = PrometheusRulesInstalled.class),
    @Dependent(name = "service-monitor", type = DashboardServiceMonitorDependent.class,
        activationCondition = ServiceMonitorsInstalled.class),
})
@ControllerConfiguration(name = "dashboard")
public class DashboardReconciler implements Reconciler<Dashboard> {

  /** The longest a new Dashboard goes without a status. */
  private static final Duration FIRST_STATUS_AT_THE_LATEST = Duration.ofSeconds(5);

  private final OperatorConfig config;
  private final StatusEvents events;
  private final RolloutListener rollouts;
  private final CertificateTools certificates;
  private final AlertSettings alertSettings;
  private final DashboardImages images;
  private final Clock clock;

  public DashboardReconciler(OperatorConfig config, StatusEvents events, RolloutListener rollouts,
      CertificateTools certificates, DashboardImages images, Clock clock) {
    this.config = config;
    this.events = events;
    this.rollouts = rollouts;
    this.certificates = certificates;
    this.alertSettings = AlertSettings.of(config);
    this.images = images;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, Dashboard>> prepareEventSources(EventSourceContext<Dashboard> context) {
    return Stream.concat(DashboardEventSources.of(context).stream(), Stream.of(images.eventSource())).toList();
  }

  @Override
  public UpdateControl<Dashboard> reconcile(Dashboard dashboard, Context<Dashboard> context) {
    ImageDecision image = images.decide(DashboardInputs.resolve(dashboard, context, config, clock), context);
    DashboardInputs resolved = image.inputs();
    AlertRules alerts = AlertRules.from(resolved.model(), alertSettings);
    Applied applied = rollOut(dashboard, resolved, alerts, context);
    DashboardInputs inputs = applied.inputs();
    Optional<TlsOutcome> tls = DashboardTls.observe(inputs.model(), context, certificates, applied.operatorTls());
    DashboardStatusFactory.Computed computed = DashboardStatusFactory.compute(inputs,
        context.getSecondaryResource(Deployment.class), applied.rollout(), features(image.verified(), tls, alerts, context),
        tls.map(TlsOutcome::notAfter).orElse(null), clock);
    DashboardStatus status = computed.status();
    events.onTransition(dashboard, dashboard.getStatus() == null ? null : dashboard.getStatus().getConditions(),
        status.getConditions(), dashboard.getStatus() == null || dashboard.getStatus().getLastGoodRevision() == null);
    boolean firstApply = dashboard.getStatus() == null && inputs.problems().isEmpty()
        && DashboardWorkflowContext.deploymentCreated(context);
    if (firstApply) {
      // A new Dashboard's first status describes its children as the cluster reports them, not the intent to
      // create them: the Deployment's first status change (or this look again) writes it. One write less for each
      // new Dashboard, which is what a thousand dashboards applied at once are waiting on.
      return UpdateControl.<Dashboard>noUpdate().rescheduleAfter(FIRST_STATUS_AT_THE_LATEST);
    }
    UpdateControl<Dashboard> control = StatusPatch.ifChanged(dashboard, status, context);
    return computed.recheckAfter().map(control::rescheduleAfter).orElse(control);
  }

  /**
   * What a reconcile changed: the inputs (with a problem the plan found), the rollout it applied and the certificate
   * the operator issued; no rollout when the inputs hold a problem or the API server refused the Deployment.
   */
  private record Applied(DashboardInputs inputs, Optional<AppliedRollout> rollout, Optional<TlsOutcome> operatorTls) {}

  /** Plans the rollout and applies the children, unless the inputs hold a user mistake. */
  private Applied rollOut(Dashboard dashboard, DashboardInputs inputs, AlertRules alerts,
      Context<Dashboard> context) {
    if (!inputs.problems().isEmpty()) {
      return new Applied(inputs, Optional.empty(), Optional.empty());
    }
    Deployment specDeployment = inputs.model().deployment();
    Optional<RolloutPlan> plan = Rollouts.plan(dashboard, specDeployment, context);
    if (plan.isEmpty()) {
      return new Applied(inputs.withProblem(revisionNotFound(dashboard)), Optional.empty(), Optional.empty());
    }
    ChildRefusals refused = applyChildren(inputs, alerts, specDeployment, plan.get(), context);
    // A refused Deployment leaves the last good one running: the planned revision has not started, so there is
    // nothing to judge yet.
    Optional<AppliedRollout> rollout = refused.deploymentRefused() ? Optional.empty()
        : Optional.of(judge(dashboard, plan.get(), context));
    Optional<TlsOutcome> operatorTls = OperatorTlsSecret.reconcile(inputs.model(), certificates, context,
        leaf -> events.normal(dashboard, OperatorLeaf.REASON_RENEWED, leaf.renewal().reason().description()));
    return new Applied(inputs.withProblems(refused.problems()), rollout, operatorTls);
  }

  /** The optional features' outcomes, in the order the status shows them: ImageVerified, TLSReady, AlertsReady. */
  private static List<Outcome> features(Optional<Outcome> image, Optional<TlsOutcome> tls, AlertRules alerts,
      Context<Dashboard> context) {
    return Stream.of(image, tls.map(TlsOutcome::tlsReady),
        DashboardAlerts.observe(alerts, ForeignApi.PROMETHEUS_RULES.installed(context))).flatMap(Optional::stream)
        .toList();
  }

  /** Runs the workflow with the Deployment on the planned revision; returns what the API server refused. */
  private ChildRefusals applyChildren(DashboardInputs inputs, AlertRules alerts, Deployment specDeployment,
      RolloutPlan plan, Context<Dashboard> context) {
    DashboardWorkflowContext.share(context, inputs.model(), Rollouts.deployment(specDeployment, plan), alerts);
    WorkflowReconcileResult result = context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    return ChildRefusals.of(result, inputs.model().dashboard(), context, clock);
  }

  /** Judges the planned revision as the Deployment shows it and records the outcome. */
  private AppliedRollout judge(Dashboard dashboard, RolloutPlan plan, Context<Dashboard> context) {
    Verdict verdict = Rollouts.judge(dashboard, plan, context.getSecondaryResource(Deployment.class), context);
    RolloutRecorder.outcome(dashboard, plan, verdict, context, rollouts, clock);
    return new AppliedRollout(plan, verdict);
  }

  private static Outcome revisionNotFound(Dashboard dashboard) {
    return DashboardInputs.problem(DashboardConditions.REASON_REVISION_NOT_FOUND, "revision "
        + dashboard.getSpec().getRollout().getRestoreRevision()
        + " (spec.rollout.restoreRevision) is not in the history of this dashboard");
  }
}
