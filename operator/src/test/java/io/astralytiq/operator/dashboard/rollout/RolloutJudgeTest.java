package io.astralytiq.operator.dashboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rollout decision: the Deployment, its pods and the Events about them as observed in, a verdict out. */
class RolloutJudgeTest {

  private static final String REVISION = "abc1234567";
  private static final String OLDER = "0000000001";
  private static final List<Event> NO_EVENTS = List.of();
  private static final String PROBE_422 = "Readiness probe failed: HTTP probe failed with statuscode: 422";

  @Test
  void everyReplicaOfTheRevisionReadyIsHealthy() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 2, 2, null), List.of(running("a", REVISION, 0),
        running("b", REVISION, 0)), NO_EVENTS, REVISION);

    assertThat(verdict.state()).isEqualTo(Verdict.State.HEALTHY);
  }

  @Test
  void halfwayIsProgressing() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 1, 1, null), List.of(running("a", REVISION, 0)), NO_EVENTS,
        REVISION);

    assertThat(verdict.state()).isEqualTo(Verdict.State.PROGRESSING);
  }

  @Test
  void aCrashLoopingPodFailsTheRevisionBeforeTheDeadline() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 1, 0, null), List.of(waiting("a", REVISION,
        "CrashLoopBackOff", 3)), NO_EVENTS, REVISION);

    assertThat(verdict.failed()).isTrue();
    assertThat(verdict.reason()).isEqualTo("CrashLoopBackOff");
    assertThat(verdict.evidence()).contains("pod a").contains("restarts 3");
  }

  @Test
  void restartsAboveTheThresholdFailTheRevisionEvenWhileRunning() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 1, 0, null), List.of(running("a", REVISION,
        RolloutJudge.RESTARTS_THRESHOLD)), NO_EVENTS, REVISION);

    assertThat(verdict.reason()).isEqualTo("CrashLoopBackOff");
  }

  @Test
  void anImagePullErrorFailsTheRevision() {
    Verdict verdict = RolloutJudge.judge(deployment(1, 1, 0, null), List.of(waiting("a", REVISION, "ImagePullBackOff",
        0)), NO_EVENTS, REVISION);

    assertThat(verdict.reason()).isEqualTo("ImagePullBackOff");
  }

  @Test
  void podsOfAnOlderRevisionAreNotEvidence() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 1, 1, null), List.of(waiting("old", OLDER, "CrashLoopBackOff",
        5), running("a", REVISION, 0)), NO_EVENTS, REVISION);

    assertThat(verdict.state()).isEqualTo(Verdict.State.PROGRESSING);
  }

  @Test
  void podsThatNeverBecomeReadyFailAtTheDeadline() {
    Verdict verdict = RolloutJudge.judge(deployment(2, 2, 0, "ProgressDeadlineExceeded"),
        List.of(running("a", REVISION, 0)), NO_EVENTS, REVISION);

    assertThat(verdict.reason()).isEqualTo("ProgressDeadlineExceeded");
    assertThat(verdict.evidence()).contains("progress deadline of 30s");
  }

  @Test
  void aRuntimeWhoseReadinessAnswers422FailsTheRevisionBeforeTheDeadline() {
    Pod pod = unready("a", REVISION, RuntimeContract.READINESS_PATH);

    Verdict verdict = judgeUnready(pod, unhealthy(pod, PROBE_422));

    assertThat(verdict.failed()).isTrue();
    assertThat(verdict.reason()).isEqualTo(DashboardConditions.REASON_DEFINITION_UNUSABLE);
    assertThat(verdict.evidence()).startsWith("pod a answered 422 on its readiness endpoint")
        .contains(RuntimeContract.READINESS_PATH, "definition did not load", "dashboard page");
  }

  @Test
  void kwoksNoteAfterTheCodeAndAContainerNamedByTheKubeletAreUnderstood() {
    Pod pod = unready("a", REVISION, RuntimeContract.READINESS_PATH);
    Event event = unhealthy(pod, PROBE_422 + " (simulated by kwok, hack/kwok/stages.yaml)");
    event.getInvolvedObject().setFieldPath("spec.containers{runtime}");

    Verdict verdict = judgeUnready(pod, event);

    assertThat(verdict.reason()).isEqualTo(DashboardConditions.REASON_DEFINITION_UNUSABLE);
  }

  @Test
  void a503IsNotJudgedBeforeTheDeadline() {
    Pod pod = unready("a", REVISION, RuntimeContract.READINESS_PATH);

    Verdict verdict = judgeUnready(pod, unhealthy(pod, PROBE_422.replace("422", "503")));

    assertThat(verdict.state()).as("a dataset that cannot be read may come back").isEqualTo(Verdict.State.PROGRESSING);
  }

  @Test
  void aLivenessProbeAnswering422IsNotJudged() {
    Pod pod = unready("a", REVISION, RuntimeContract.READINESS_PATH);

    Verdict verdict = judgeUnready(pod, unhealthy(pod, PROBE_422.replace("Readiness", "Liveness")));

    assertThat(verdict.state()).isEqualTo(Verdict.State.PROGRESSING);
  }

  @Test
  void anImageWithAReadinessPathOfItsOwnIsNotJudgedByTheRuntimesCode() {
    Pod pod = unready("a", REVISION, "/healthz");

    Verdict verdict = judgeUnready(pod, unhealthy(pod, PROBE_422));

    assertThat(verdict.state()).isEqualTo(Verdict.State.PROGRESSING);
  }

  @Test
  void aContainerNamedByTheEventWithAnotherProbePathIsNotJudged() {
    Pod pod = new PodBuilder(unready("a", REVISION, RuntimeContract.READINESS_PATH)).editSpec()
        .addNewContainer().withName("sidecar").withNewReadinessProbe().withNewHttpGet().withPath("/ready")
        .endHttpGet().endReadinessProbe().endContainer().endSpec().build();
    Event event = unhealthy(pod, PROBE_422);
    event.getInvolvedObject().setFieldPath("spec.containers{sidecar}");

    Verdict verdict = judgeUnready(pod, event);

    assertThat(verdict.state()).isEqualTo(Verdict.State.PROGRESSING);
  }

  @Test
  void eventsAboutPodsOfAnotherRevisionAreNotEvidence() {
    Pod old = unready("old", OLDER, RuntimeContract.READINESS_PATH);
    Pod current = unready("a", REVISION, RuntimeContract.READINESS_PATH);

    Verdict verdict = RolloutJudge.judge(deployment(2, 1, 0, null), List.of(old, current),
        List.of(unhealthy(old, PROBE_422)), REVISION);

    assertThat(verdict.state()).isEqualTo(Verdict.State.PROGRESSING);
  }

  @Test
  void anEventAboutAnEarlierPodOfTheSameNameIsNotEvidence() {
    Pod pod = unready("a", REVISION, RuntimeContract.READINESS_PATH);
    Event event = unhealthy(pod, PROBE_422);
    event.getInvolvedObject().setUid("uid-of-an-earlier-pod");

    Verdict verdict = judgeUnready(pod, event);

    assertThat(verdict.state()).isEqualTo(Verdict.State.PROGRESSING);
  }

  @Test
  void aReadyPodIsNotFailedByAnOldEvent() {
    Pod pod = new PodBuilder(unready("a", REVISION, RuntimeContract.READINESS_PATH)).editStatus()
        .editMatchingCondition(c -> "Ready".equals(c.getType())).withStatus("True").endCondition().endStatus().build();

    Verdict verdict = RolloutJudge.judge(deployment(1, 1, 1, null), List.of(pod), List.of(unhealthy(pod, PROBE_422)),
        REVISION);

    assertThat(verdict.state()).isEqualTo(Verdict.State.HEALTHY);
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

  /** The verdict on a Deployment of one replica, not ready, whose pod is the given one. */
  private static Verdict judgeUnready(Pod pod, Event event) {
    return RolloutJudge.judge(deployment(1, 1, 0, null), List.of(pod), List.of(event), REVISION);
  }

  /** A pod of dashboard-runtime's shape, running and not ready, its readiness probe on the given path. */
  private static Pod unready(String name, String revision, String readinessPath) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withUid("uid-" + name).addToAnnotations(Revisions.REVISION_ANNOTATION,
            revision).endMetadata()
        .withNewSpec().addNewContainer().withName("runtime")
          .withNewReadinessProbe().withNewHttpGet().withPath(readinessPath).withPort(new IntOrString("http"))
          .endHttpGet().endReadinessProbe()
        .endContainer().endSpec()
        .withNewStatus().withPhase("Running")
          .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady").endCondition()
          .addNewContainerStatus().withName("runtime").withRestartCount(0).withReady(false).withStarted(true)
            .withNewState().withNewRunning().endRunning().endState()
          .endContainerStatus()
        .endStatus()
        .build();
  }

  /** The kubelet's Event for a failed probe of this pod. */
  private static Event unhealthy(Pod pod, String message) {
    return new EventBuilder()
        .withNewMetadata().withName(pod.getMetadata().getName() + ".1").endMetadata()
        .withType("Warning").withReason("Unhealthy").withMessage(message)
        .withNewInvolvedObject().withKind("Pod").withName(pod.getMetadata().getName())
          .withUid(pod.getMetadata().getUid()).endInvolvedObject()
        .build();
  }
}
