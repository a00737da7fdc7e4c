package io.astralytiq.operator.dashboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Safe rollout on the full local control plane, where kwok makes pods crash-loop, fail to pull, never become ready
 * or report their definition unusable on purpose (by image name, see hack/kwok/stages.yaml).
 */
class RolloutE2E {

  private static final String GOOD = "example.test/app:1";
  private static final String CRASHING = "example.test/app-crashloop:2";
  private static final String UNPULLABLE = "example.test/no-such-image:3";
  private static final String NEVER_READY = "example.test/app-never-ready:4";
  private static final String GOOD_AGAIN = "example.test/app:5";
  /** kwok runs it unready, its readiness probe answering 422: what dashboard-runtime says of a bad definition. */
  private static final String DEFINITION_UNUSABLE = "example.test/app-definition-unusable:6";

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onLocalCluster();

  @Test
  void aCrashLoopingRevisionIsRolledBackBeforeItsDeadlineAndNotRetried() {
    String namespace = operator.tenantNamespace("rollout-crash");
    createGood(namespace, 30);
    PodTemplateSpec good = template(namespace);

    setImage(namespace, CRASHING);

    Condition rolledBack = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ROLLED_BACK,
        "True", "CrashLoopBackOff");
    assertThat(rolledBack.getMessage()).contains("revision 2 failed").contains("rolled back to revision 1");
    Dashboard dashboard = operator.dashboards().get(namespace, "sales");
    assertThat(dashboard.getStatus().getPhase()).isEqualTo(DashboardPhase.RolledBack);
    assertThat(dashboard.getStatus().getCurrentRevision()).isEqualTo(1L);
    assertThat(dashboard.getStatus().getLastGoodRevision()).isEqualTo(1L);
    operator.dashboards().awaitEvent(namespace, "sales", "Warning", DashboardConditions.REASON_ROLLED_BACK);
    await("the Deployment back on revision 1's pod template").atMost(Duration.ofSeconds(60))
        .until(() -> template(namespace).equals(good));
    operator.dashboards().awaitCondition(namespace, "sales", "Available", "True", "MinimumReplicasAvailable");

    // Restart the operator: the failed revision is remembered on its ControllerRevision, not retried.
    operator.restart();
    await("a reconcile after the restart").atMost(Duration.ofSeconds(60))
        .until(() -> operator.fixture().metrics().reconciliations() > 0);
    assertThat(template(namespace)).isEqualTo(good);
    assertThat(revisions(namespace)).hasSize(2);

    setImage(namespace, GOOD_AGAIN);

    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "True", "RolledOut");
    Dashboard after = operator.dashboards().get(namespace, "sales");
    assertThat(after.getStatus().getCurrentRevision()).isEqualTo(3L);
    assertThat(after.getStatus().getLastGoodRevision()).isEqualTo(3L);
    assertThat(after.getStatus().getPhase()).isEqualTo(DashboardPhase.Ready);
  }

  @Test
  void aRollbackByHandRestoresAChosenRevisionAndAGitRevertJustWorks() {
    String namespace = operator.tenantNamespace("rollout-manual");
    createGood(namespace, 30);
    PodTemplateSpec first = template(namespace);
    setImage(namespace, GOOD_AGAIN);
    operator.dashboards().awaitPresent("revision 2 healthy", () -> lastGood(namespace) == 2L ? true : null);

    operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().getRollout().setRestoreRevision(1L);
      return d;
    });

    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ROLLED_BACK, "True",
        DashboardConditions.REASON_RESTORED);
    await("revision 1's pod template back").atMost(Duration.ofSeconds(60)).until(() -> template(namespace)
        .equals(first));
    assertThat(operator.dashboards().get(namespace, "sales").getStatus().getCurrentRevision()).isEqualTo(1L);

    // The GitOps way: the restore removed and the spec itself reverted to revision 1's image.
    operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().getRollout().setRestoreRevision(null);
      d.getSpec().getRuntime().setImage(GOOD);
      return d;
    });

    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ROLLED_BACK, "False",
        DashboardConditions.REASON_CURRENT_REVISION);
    Dashboard reverted = operator.dashboards().get(namespace, "sales");
    assertThat(reverted.getStatus().getCurrentRevision()).as("the same revision, not a new one").isEqualTo(1L);
    assertThat(revisions(namespace)).hasSize(2);
    assertThat(template(namespace)).isEqualTo(first);
  }

  @Test
  void anOperatorRestartedDuringARolloutConvergesWithItsHistoryIntact() {
    String namespace = operator.tenantNamespace("rollout-restart");
    createGood(namespace, 30);
    PodTemplateSpec good = template(namespace);

    setImage(namespace, CRASHING);
    operator.restart();

    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ROLLED_BACK, "True",
        "CrashLoopBackOff");
    await("back on revision 1").atMost(Duration.ofSeconds(60)).until(() -> template(namespace).equals(good));
    assertThat(revisions(namespace)).extracting(ControllerRevision::getRevision).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void anImageThatCannotBePulledIsRolledBack() {
    assertBadImageRolledBack("rollout-pull", 60, UNPULLABLE, "ErrImagePull");
  }

  @Test
  void podsThatNeverBecomeReadyAreRolledBackAtTheDeadline() {
    assertBadImageRolledBack("rollout-ready", 10, NEVER_READY, "ProgressDeadlineExceeded");
  }

  /** A good revision, then one with {@code badImage}: rolled back for {@code reason}, the good image running. */
  private static void assertBadImageRolledBack(String prefix, int deadlineSeconds, String badImage, String reason) {
    String namespace = operator.tenantNamespace(prefix);
    createGood(namespace, deadlineSeconds);

    setImage(namespace, badImage);

    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ROLLED_BACK, "True", reason);
    await("back on the good image").atMost(Duration.ofSeconds(60)).until(() -> image(namespace).equals(GOOD));
  }

  @Test
  void aRevisionWhoseDefinitionTheRuntimeCannotUseIsRolledBackLongBeforeItsDeadline() {
    String namespace = operator.tenantNamespace("rollout-definition");
    int deadlineSeconds = 120;
    createGood(namespace, deadlineSeconds);
    PodTemplateSpec good = template(namespace);

    setImage(namespace, DEFINITION_UNUSABLE);

    Condition rolledBack = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ROLLED_BACK,
        "True", DashboardConditions.REASON_DEFINITION_UNUSABLE);
    assertThat(rolledBack.getMessage()).contains("revision 2 failed (DefinitionUnusable: pod sales-")
        .contains("answered 422 on its readiness endpoint (" + RuntimeContract.READINESS_PATH + ")")
        .contains("dashboard page").contains("rolled back to revision 1");
    Duration tookToFail = Duration.between(created(revision(namespace, 2L)),
        Instant.parse(rolledBack.getLastTransitionTime()));
    assertThat(tookToFail).as("from revision 2 recorded to rolled back").isLessThan(Duration.ofSeconds(
        deadlineSeconds / 2));
    await("the Deployment back on revision 1's pod template").atMost(Duration.ofSeconds(60))
        .until(() -> template(namespace).equals(good));
    Dashboard dashboard = operator.dashboards().get(namespace, "sales");
    assertThat(dashboard.getStatus().getPhase()).isEqualTo(DashboardPhase.RolledBack);
    assertThat(dashboard.getStatus().getCurrentRevision()).isEqualTo(1L);
    operator.dashboards().awaitCondition(namespace, "sales", "Available", "True", "MinimumReplicasAvailable");
  }

  @Test
  void withoutAutoRollbackAFailureIsReportedAndNothingRolledBack() {
    String namespace = operator.tenantNamespace("rollout-off");
    Dashboard dashboard = good(namespace, 30);
    dashboard.getSpec().getRollout().setAutoRollback(false);
    operator.client().resource(dashboard).create();
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "True", "RolledOut");

    setImage(namespace, CRASHING);

    Condition ready = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "False",
        "CrashLoopBackOff");
    assertThat(ready.getMessage()).contains("automatic rollback is off");
    assertThat(operator.dashboards().get(namespace, "sales").getStatus().getPhase()).isEqualTo(DashboardPhase.Degraded);
    assertThat(image(namespace)).isEqualTo(CRASHING);
  }

  @Test
  void aFirstRevisionThatFailsHasNothingToRollBackTo() {
    String namespace = operator.tenantNamespace("rollout-first");
    Dashboard dashboard = good(namespace, 30);
    dashboard.getSpec().getRuntime().setImage(CRASHING);
    operator.client().resource(dashboard).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "False",
        "CrashLoopBackOff");
    assertThat(ready.getMessage()).contains("no earlier healthy revision");
    assertThat(operator.dashboards().get(namespace, "sales").getStatus().getPhase()).isEqualTo(DashboardPhase.Failed);
  }

  @Test
  void historyBeyondTheLimitIsTrimmedKeepingTheCurrentRevision() {
    String namespace = operator.tenantNamespace("rollout-trim");
    Dashboard dashboard = good(namespace, 30);
    dashboard.getSpec().getRollout().setRevisionHistoryLimit(2);
    operator.client().resource(dashboard).create();
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "True", "RolledOut");

    for (String image : List.of("example.test/app:2", "example.test/app:3", "example.test/app:4")) {
      setImage(namespace, image);
      await("rolled out " + image).atMost(Duration.ofSeconds(60)).until(() -> {
        Dashboard d = operator.dashboards().get(namespace, "sales");
        return image(namespace).equals(image) && d.getStatus().getLastGoodRevision() != null
            && d.getStatus().getLastGoodRevision().equals(d.getStatus().getCurrentRevision());
      });
    }

    await("history trimmed to 2").atMost(Duration.ofSeconds(60)).until(() -> revisions(namespace).size() == 2);
    assertThat(revisions(namespace)).extracting(ControllerRevision::getRevision).containsExactlyInAnyOrder(3L, 4L);
  }

  private static void createGood(String namespace, int deadlineSeconds) {
    operator.client().resource(good(namespace, deadlineSeconds)).create();
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "True", "RolledOut");
    assertThat(operator.dashboards().get(namespace, "sales").getStatus().getLastGoodRevision()).isEqualTo(1L);
  }

  private static Dashboard good(String namespace, int deadlineSeconds) {
    Dashboard dashboard = Dashboards.minimal(namespace, "sales");
    dashboard.getSpec().setReplicas(2);
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage(GOOD);
    dashboard.getSpec().setRuntime(runtime);
    RolloutSpec rollout = new RolloutSpec();
    rollout.setProgressDeadlineSeconds(deadlineSeconds);
    dashboard.getSpec().setRollout(rollout);
    return dashboard;
  }

  private static void setImage(String namespace, String image) {
    operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().getRuntime().setImage(image);
      return d;
    });
  }

  private static Long lastGood(String namespace) {
    return operator.dashboards().get(namespace, "sales").getStatus().getLastGoodRevision();
  }

  private static Deployment deployment(String namespace) {
    return operator.client().apps().deployments().inNamespace(namespace).withName("sales").get();
  }

  private static PodTemplateSpec template(String namespace) {
    return deployment(namespace).getSpec().getTemplate();
  }

  private static String image(String namespace) {
    return template(namespace).getSpec().getContainers().get(0).getImage();
  }

  private static ControllerRevision revision(String namespace, long number) {
    return revisions(namespace).stream().filter(r -> r.getRevision() == number).findFirst().orElseThrow();
  }

  private static Instant created(ControllerRevision revision) {
    return Instant.parse(revision.getMetadata().getCreationTimestamp());
  }

  private static List<ControllerRevision> revisions(String namespace) {
    return operator.client().apps().controllerRevisions().inNamespace(namespace).list().getItems();
  }
}
