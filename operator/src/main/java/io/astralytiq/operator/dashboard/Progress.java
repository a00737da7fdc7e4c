package io.astralytiq.operator.dashboard;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.common.Outcome;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Optional;

/**
 * The Deployment's progress, as much of it as the status needs: its replica counts, whether the rollout is complete,
 * and the Available and Progressing outcomes. Pure.
 *
 * @param deployment the Deployment as the cluster reports it, empty before it exists
 */
record Progress(Optional<Deployment> deployment) {

  static Progress of(Optional<Deployment> deployment) {
    return new Progress(deployment);
  }

  private Optional<DeploymentStatus> status() {
    return deployment.map(Deployment::getStatus);
  }

  boolean exists() {
    return deployment.isPresent();
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

  /** The Available outcome: the Deployment's own, or why there is none. */
  Outcome available() {
    return Outcome.of(DashboardConditions.AVAILABLE,
        condition("Available").map(c -> "True".equals(c.getStatus())).orElse(false), availableReason(),
        condition("Available").map(DeploymentCondition::getMessage)
            .orElse(deployment.isPresent() ? "waiting for the Deployment to report" : "no Deployment yet"));
  }

  private String availableReason() {
    if (deployment.isPresent() && desired() == 0) {
      return DashboardConditions.REASON_SCALED_TO_ZERO;
    }
    return condition("Available").map(DeploymentCondition::getReason)
        .orElse(DashboardConditions.REASON_MINIMUM_REPLICAS_UNAVAILABLE);
  }

  /** The Progressing outcome: True while a revision rolls out within its deadline. */
  Outcome progressing() {
    return Outcome.of(DashboardConditions.PROGRESSING, deployment.isPresent() && !complete() && !deadlineExceeded(),
        progressingReason(), progressingMessage());
  }

  private String progressingReason() {
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
