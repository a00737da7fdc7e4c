package io.astralytiq.operator.dashboard;

import static io.astralytiq.api.v1alpha1.DashboardConditions.AVAILABLE;
import static io.astralytiq.api.v1alpha1.DashboardConditions.PROGRESSING;
import static io.astralytiq.api.v1alpha1.DashboardConditions.READY;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.DashboardStatus;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.operator.common.ConditionView;
import io.astralytiq.operator.common.Conditions;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import io.astralytiq.operator.dashboard.inputs.Problem;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.dashboard.rollout.Revision;
import io.astralytiq.operator.dashboard.rollout.Verdict;
import io.astralytiq.operator.dashboard.tls.TlsView;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

/** The status a Dashboard should show, from its inputs and the Deployment as the cluster reports it. */
final class DashboardStatusFactory {

  private DashboardStatusFactory() {}

  static DashboardStatus compute(DashboardInputs inputs, Optional<Deployment> deployment, RolloutView rollout,
      Optional<TlsView> tls, Optional<ConditionView> alerts, Clock clock) {
    DashboardModel model = inputs.model();
    Dashboard dashboard = model.dashboard();
    DashboardStatus previous = dashboard.getStatus() == null ? new DashboardStatus() : dashboard.getStatus();
    Progress progress = Progress.of(deployment);
    Conditions conditions = new Conditions(previous.getConditions(), dashboard.getMetadata().getGeneration(), clock);

    DashboardStatus status = new DashboardStatus();
    status.setObservedGeneration(dashboard.getMetadata().getGeneration());
    status.setReplicas(progress.replicas());
    status.setReadyReplicas(progress.ready());
    status.setSelector(model.selectorLabels().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
    status.setUrl(model.servedIngress().isPresent() || model.spec().getIngress() == null ? model.url() : null);
    status.setCurrentRevision(rollout == null ? previous.getCurrentRevision()
        : Long.valueOf(rollout.plan().target().number()));
    status.setLastGoodRevision(rollout == null ? previous.getLastGoodRevision() : lastGood(rollout));

    conditions.set(TenantConditions.ADMITTED, inputs.admission().admitted(), inputs.admission().reason(),
        inputs.admission().message());
    conditions.set(AVAILABLE, progress.available(), progress.availableReason(), progress.availableMessage());
    conditions.set(PROGRESSING, progress.progressing(), progress.progressingReason(), progress.progressingMessage());
    if (rollout != null) {
      rolledBackCondition(conditions, rollout);
    }
    tls.ifPresent(t -> conditions.set(DashboardConditions.TLS_READY, t.ready(), t.reason(), t.message()));
    status.setCertificateNotAfter(tls.map(TlsView::notAfter).orElse(null));
    alerts.ifPresent(a -> conditions.set(DashboardConditions.ALERTS_READY, a.status(), a.reason(), a.message()));
    Optional<String> failedRollout = rollout == null ? Optional.empty() : failedRollout(rollout, model);
    if (!inputs.problems().isEmpty()) {
      Problem first = inputs.problems().get(0);
      String message = inputs.problems().stream().map(Problem::message).collect(Collectors.joining("; "));
      conditions.set(READY, false, first.reason(), message + (deployment.isPresent()
          ? "; the last accepted version keeps running" : ""));
      status.setPhase(deployment.isPresent() ? DashboardPhase.Degraded : DashboardPhase.Failed);
    } else if (model.suspended()) {
      // Ready: what the spec asks for is what runs (as for a Deployment scaled to zero), so GitOps tools that wait
      // on Ready (kstatus) do not wait for a suspended dashboard forever; the phase says Suspended.
      conditions.set(READY, true, DashboardConditions.REASON_SUSPENDED,
          "spec.suspend is true: scaled to zero, as the spec asks");
      status.setPhase(DashboardPhase.Suspended);
    } else if (rollout != null && rollout.plan().rolledBack()) {
      conditions.set(READY, false, DashboardConditions.REASON_ROLLED_BACK, rolledBackMessage(rollout));
      status.setPhase(DashboardPhase.RolledBack);
    } else if (failedRollout.isPresent()) {
      conditions.set(READY, false, rollout.verdict().reason(), failedRollout.get());
      status.setPhase(rollout.plan().lastGood().isEmpty() ? DashboardPhase.Failed : DashboardPhase.Degraded);
    } else if (inputs.hostHolder().isPresent()) {
      Dashboard holder = inputs.hostHolder().get();
      conditions.set(READY, false, DashboardConditions.REASON_HOST_CONFLICT, "host "
          + model.spec().getIngress().getHost() + " is already served by Dashboard "
          + holder.getMetadata().getNamespace() + "/" + holder.getMetadata().getName());
      status.setPhase(DashboardPhase.Degraded);
    } else if (progress.complete() && (rollout == null || rollout.verdict().state() == Verdict.State.HEALTHY)) {
      conditions.set(READY, true, DashboardConditions.REASON_READY, progress.ready() + " of " + progress.replicas()
          + " replicas ready on the current revision");
      status.setPhase(DashboardPhase.Ready);
    } else if (progress.podsCannotBeCreated().isPresent()) {
      conditions.set(READY, false, DashboardConditions.REASON_PODS_NOT_CREATED, progress.podsCannotBeCreated().get());
      status.setPhase(DashboardPhase.Degraded);
    } else if (progress.deadlineExceeded()) {
      conditions.set(READY, false, DashboardConditions.REASON_PROGRESS_DEADLINE_EXCEEDED,
          progress.progressingMessage());
      status.setPhase(DashboardPhase.Degraded);
    } else {
      conditions.set(READY, false, DashboardConditions.REASON_PROGRESSING, progress.progressingMessage());
      status.setPhase(deployment.isPresent() ? DashboardPhase.Progressing : DashboardPhase.Pending);
    }
    KstatusConditions.set(conditions, status.getPhase(), conditions.build());
    status.setConditions(conditions.build());
    return status;
  }

  private static Long lastGood(RolloutView rollout) {
    if (!rollout.plan().rolledBack() && rollout.verdict().state() == Verdict.State.HEALTHY) {
      return rollout.plan().target().number();
    }
    return rollout.plan().lastGood().map(Revision::number).orElse(null);
  }

  private static void rolledBackCondition(Conditions conditions, RolloutView rollout) {
    if (rollout.plan().restored()) {
      conditions.set(DashboardConditions.ROLLED_BACK, true, DashboardConditions.REASON_RESTORED, "revision "
          + rollout.plan().target().number() + " restored by spec.rollout.restoreRevision; remove it to run the spec");
    } else if (rollout.plan().rolledBack()) {
      String failure = rollout.plan().specRevision().failure();
      conditions.set(DashboardConditions.ROLLED_BACK, true, failure.substring(0, failure.indexOf(':')),
          rolledBackMessage(rollout));
    } else {
      conditions.set(DashboardConditions.ROLLED_BACK, false, DashboardConditions.REASON_CURRENT_REVISION,
          "revision " + rollout.plan().target().number() + " is the spec's own");
    }
  }

  private static String rolledBackMessage(RolloutView rollout) {
    return "revision " + rollout.plan().specRevision().number() + " failed (" + rollout.plan().specRevision().failure()
        + "); rolled back to revision " + rollout.plan().target().number()
        + "; it is not tried again until the spec changes";
  }

  /** What to say of the spec's revision failing when it is not (yet) rolled back; empty when it is not failing. */
  private static Optional<String> failedRollout(RolloutView rollout, DashboardModel model) {
    if (!rollout.verdict().failed()) {
      return Optional.empty();
    }
    String failed = "revision " + rollout.plan().target().number() + " failed: " + rollout.verdict().evidence();
    if (!model.rollout().getAutoRollback()) {
      return Optional.of(failed + "; automatic rollback is off (spec.rollout.autoRollback)");
    }
    return Optional.of(rollout.plan().lastGood().map(good -> failed + "; rolling back to revision " + good.number())
        .orElse(failed + "; there is no earlier healthy revision to roll back to"));
  }

  /** The Deployment's progress, as much of it as the status needs. */
  private record Progress(Optional<Deployment> deployment) {

    static Progress of(Optional<Deployment> deployment) {
      return new Progress(deployment);
    }

    private Optional<DeploymentStatus> status() {
      return deployment.map(Deployment::getStatus);
    }

    int desired() {
      return deployment.map(d -> d.getSpec().getReplicas()).orElse(0);
    }

    int replicas() {
      return status().map(DeploymentStatus::getReplicas).orElse(0);
    }

    int ready() {
      return status().map(DeploymentStatus::getReadyReplicas).orElse(0);
    }

    private int updated() {
      return status().map(DeploymentStatus::getUpdatedReplicas).orElse(0);
    }

    private int availableReplicas() {
      return status().map(DeploymentStatus::getAvailableReplicas).orElse(0);
    }

    private boolean observed() {
      return deployment.map(d -> d.getStatus() != null && d.getStatus().getObservedGeneration() != null
          && d.getStatus().getObservedGeneration() >= d.getMetadata().getGeneration()).orElse(false);
    }

    /** Every replica runs the current pod template, is ready and available, and no old pod is left. */
    boolean complete() {
      return observed() && updated() == desired() && availableReplicas() == desired() && replicas() == desired()
          && ready() == desired();
    }

    private Optional<DeploymentCondition> condition(String type) {
      return status().flatMap(s -> s.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst());
    }

    /** Why the Deployment cannot create pods (a quota, a limit, an admission policy), when it cannot. */
    Optional<String> podsCannotBeCreated() {
      return condition("ReplicaFailure").filter(c -> "True".equals(c.getStatus())).map(DeploymentCondition::getMessage);
    }

    boolean deadlineExceeded() {
      return condition("Progressing").map(c -> "ProgressDeadlineExceeded".equals(c.getReason())).orElse(false);
    }

    boolean available() {
      return condition("Available").map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    String availableReason() {
      if (deployment.isPresent() && desired() == 0) {
        return DashboardConditions.REASON_SCALED_TO_ZERO;
      }
      return condition("Available").map(DeploymentCondition::getReason)
          .orElse(DashboardConditions.REASON_MINIMUM_REPLICAS_UNAVAILABLE);
    }

    String availableMessage() {
      return condition("Available").map(DeploymentCondition::getMessage)
          .orElse(deployment.isPresent() ? "waiting for the Deployment to report" : "no Deployment yet");
    }

    boolean progressing() {
      return deployment.isPresent() && !complete() && !deadlineExceeded();
    }

    String progressingReason() {
      if (deadlineExceeded()) {
        return DashboardConditions.REASON_PROGRESS_DEADLINE_EXCEEDED;
      }
      return complete() ? DashboardConditions.REASON_NEW_REVISION_AVAILABLE : DashboardConditions.REASON_PROGRESSING;
    }

    String progressingMessage() {
      if (deployment.isEmpty()) {
        return "creating the runtime";
      }
      if (deadlineExceeded()) {
        return condition("Progressing").map(DeploymentCondition::getMessage).orElse("progress deadline exceeded");
      }
      return updated() + " of " + desired() + " replicas updated, " + ready() + " ready, " + availableReplicas()
          + " available";
    }
  }
}
