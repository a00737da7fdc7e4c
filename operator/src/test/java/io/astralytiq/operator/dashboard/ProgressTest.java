package io.astralytiq.operator.dashboard;

import static io.astralytiq.operator.dashboard.StatusFixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.common.Outcome;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the Deployment's status says of a rollout's progress. */
class ProgressTest {

  @Test
  void noDeploymentIsNeitherAvailableNorProgressing() {
    Progress progress = Progress.of(Optional.empty());

    assertThat(progress.exists()).isFalse();
    assertThat(progress.complete()).isFalse();
    assertThat(progress.available()).isEqualTo(Outcome.of(DashboardConditions.AVAILABLE, false,
        DashboardConditions.REASON_MINIMUM_REPLICAS_UNAVAILABLE, "no Deployment yet"));
    assertThat(progress.progressing()).isEqualTo(Outcome.of(DashboardConditions.PROGRESSING, false,
        DashboardConditions.REASON_PROGRESSING, "creating the runtime"));
  }

  @Test
  void everyReplicaUpdatedReadyAndAvailableIsComplete() {
    Progress progress = Progress.of(Optional.of(deployment(2, 2, 2, 2, null)));

    assertThat(progress.complete()).isTrue();
    assertThat(progress.replicas()).isEqualTo(2);
    assertThat(progress.ready()).isEqualTo(2);
    assertThat(progress.available().status()).isTrue();
    assertThat(progress.available().reason()).isEqualTo("MinimumReplicasAvailable");
    assertThat(progress.progressing().status()).isFalse();
    assertThat(progress.progressing().reason()).isEqualTo(DashboardConditions.REASON_NEW_REVISION_AVAILABLE);
  }

  @Test
  void aRolloutUnderWayProgressesWithItsCounts() {
    Progress progress = Progress.of(Optional.of(deployment(2, 1, 1, 1, null)));

    assertThat(progress.complete()).isFalse();
    assertThat(progress.progressing()).isEqualTo(Outcome.of(DashboardConditions.PROGRESSING, true,
        DashboardConditions.REASON_PROGRESSING, "1 of 2 replicas updated, 1 ready, 1 available"));
  }

  @Test
  void aDeploymentNotYetObservedIsNotComplete() {
    Deployment stale = deployment(1, 1, 1, 1, null);
    stale.getMetadata().setGeneration(8L);

    assertThat(Progress.of(Optional.of(stale)).complete()).isFalse();
  }

  @Test
  void aMissedDeadlineStopsProgressingWithTheDeploymentsMessage() {
    Progress progress = Progress.of(Optional.of(deployment(2, 1, 1, 1, "ProgressDeadlineExceeded")));

    assertThat(progress.deadlineExceeded()).isTrue();
    assertThat(progress.progressing()).isEqualTo(Outcome.of(DashboardConditions.PROGRESSING, false,
        DashboardConditions.REASON_PROGRESS_DEADLINE_EXCEEDED, "ReplicaSet \"sales-1\" has timed out progressing."));
  }

  @Test
  void aReplicaFailureSaysWhyPodsCannotBeCreated() {
    Deployment refused = deployment(1, 0, 0, 0, null);
    refused.getStatus().getConditions().add(new DeploymentConditionBuilder().withType("ReplicaFailure")
        .withStatus("True").withReason("FailedCreate").withMessage("exceeded quota").build());

    assertThat(Progress.of(Optional.of(refused)).podsCannotBeCreated()).contains("exceeded quota");
    assertThat(Progress.of(Optional.of(deployment(1, 0, 0, 0, null))).podsCannotBeCreated()).isEmpty();
  }

  @Test
  void scaledToZeroSaysSo() {
    assertThat(Progress.of(Optional.of(deployment(0, 0, 0, 0, null))).available().reason())
        .isEqualTo(DashboardConditions.REASON_SCALED_TO_ZERO);
  }
}
