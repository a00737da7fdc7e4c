package io.astralytiq.operator.dashboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rollout decision: the Deployment and its pods as observed in, a verdict out. */
class RolloutJudgeTest {

  private static final String REVISION = "abc1234567";
  private static final String OLDER = "0000000001";

  @Test
  void everyReplicaOfTheRevisionReadyIsHealthy() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 2, 2, null), List.of(running("a", REVISION, 0),
        running("b", REVISION, 0)), REVISION);

    assertThat(verdict.state()).isEqualTo(Verdict.State.HEALTHY);
  }

  @Test
  void halfwayIsProgressing() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 1, 1, null), List.of(running("a", REVISION, 0)), REVISION);

    assertThat(verdict.state()).isEqualTo(Verdict.State.PROGRESSING);
  }

  @Test
  void aCrashLoopingPodFailsTheRevisionBeforeTheDeadline() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 1, 0, null), List.of(waiting("a", REVISION,
        "CrashLoopBackOff", 3)), REVISION);

    assertThat(verdict.failed()).isTrue();
    assertThat(verdict.reason()).isEqualTo("CrashLoopBackOff");
    assertThat(verdict.evidence()).contains("pod a").contains("restarts 3");
  }

  @Test
  void restartsAboveTheThresholdFailTheRevisionEvenWhileRunning() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 1, 0, null), List.of(running("a", REVISION,
        RolloutJudge.RESTARTS_THRESHOLD)), REVISION);

    assertThat(verdict.reason()).isEqualTo("CrashLoopBackOff");
  }

  @Test
  void anImagePullErrorFailsTheRevision() {
    Verdict verdict = RolloutJudge.judge(deployment(1, 1, 0, null), List.of(waiting("a", REVISION, "ImagePullBackOff",
        0)), REVISION);

    assertThat(verdict.reason()).isEqualTo("ImagePullBackOff");
  }

  @Test
  void podsOfAnOlderRevisionAreNotEvidence() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 1, 1, null), List.of(waiting("old", OLDER, "CrashLoopBackOff",
        5), running("a", REVISION, 0)), REVISION);

    assertThat(verdict.state()).isEqualTo(Verdict.State.PROGRESSING);
  }

  @Test
  void podsThatNeverBecomeReadyFailAtTheDeadline() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 2, 0, "ProgressDeadlineExceeded"),
        List.of(running("a", REVISION, 0)), REVISION);

    assertThat(verdict.reason()).isEqualTo("ProgressDeadlineExceeded");
    assertThat(verdict.evidence()).contains("progress deadline of 30s");
  }

  private static Deployment deployment(int desired, int updated, int ready, String progressReason) {
    return new DeploymentBuilder()
        .withNewMetadata().withGeneration(2L).endMetadata()
        .withNewSpec().withReplicas(desired).withProgressDeadlineSeconds(30)
          .withNewTemplate().withNewMetadata().addToAnnotations(Revisions.REVISION_ANNOTATION, REVISION).endMetadata()
          .endTemplate()
        .endSpec()
        .withNewStatus().withObservedGeneration(2L).withReplicas(desired).withUpdatedReplicas(updated)
          .withReadyReplicas(ready).withAvailableReplicas(ready)
          .addNewCondition().withType("Progressing").withStatus(progressReason == null ? "True" : "False")
            .withReason(progressReason == null ? "ReplicaSetUpdated" : progressReason).endCondition()
        .endStatus()
        .build();
  }

  private static Pod running(String name, String revision, int restarts) {
    return new PodBuilder()
        .withNewMetadata().withName(name).addToAnnotations(Revisions.REVISION_ANNOTATION, revision).endMetadata()
        .withNewStatus().withPhase("Running")
          .addNewContainerStatus().withName("runtime").withRestartCount(restarts)
            .withNewState().withNewRunning().endRunning().endState()
          .endContainerStatus()
        .endStatus()
        .build();
  }

  private static Pod waiting(String name, String revision, String reason, int restarts) {
    return new PodBuilder()
        .withNewMetadata().withName(name).addToAnnotations(Revisions.REVISION_ANNOTATION, revision).endMetadata()
        .withNewStatus().withPhase("Running")
          .addNewContainerStatus().withName("runtime").withRestartCount(restarts)
            .withNewState().withNewWaiting().withReason(reason).endWaiting().endState()
          .endContainerStatus()
        .endStatus()
        .build();
  }
}
