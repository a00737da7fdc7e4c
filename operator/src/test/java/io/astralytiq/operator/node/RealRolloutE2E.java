package io.astralytiq.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.DefinitionRef;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.operator.testing.RealNode;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.LocalCluster;
import io.astralytiq.testing.Project;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rollouts on the real node, judged from the kubelet's own pod status and Events: a good definition rolls out and
 * the page shows it; a process that exits 1, a tag the registry does not have and a definition the runtime refuses
 * (readiness 422) are each rolled back to the last good revision, with the cause in the status.
 */
@ExtendWith(LocalCluster.class)
class RealRolloutE2E {

  private static final Duration UP = RealDashboardsE2E.UP;
  /** The runtime's image with an entrypoint that exits 1 at once: a real crash loop. */
  private static String crashing;

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onRealNode(Map.of("RUNTIME_IMAGE", RealNode.runtimeImage()));

  @BeforeAll
  static void crashingImage() {
    crashing = RealNode.repository("crashloop") + ":exit-1";
    Command.Result made = Command.run(List.of("bash", "-c", """
        set -euo pipefail
        cd "$1"
        source hack/lib/versions.sh; source hack/lib/log.sh; source hack/lib/hostnet.sh; source hack/lib/registry.sh
        digest="$(crane digest --platform linux/amd64 "$2")"
        crane mutate "${2%@*}@$digest" --entrypoint java,-XX:+AstralytiqNoSuchOption -t "$3" >/dev/null
        """, "make-crashloop", Project.root().toString(), RealNode.runtimeImage(), crashing), null,
        Duration.ofMinutes(2));
    assertThat(made.exitCode()).as(made.stderr()).isZero();
  }

  @Test
  void aNewDefinitionRollsOutAndThePageShowsIt() {
    String namespace = operator.namespace("real-definition");
    createGood(namespace);

    operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().getDefinition().setTitle("Sales, second edition");
      return d;
    });

    await("revision 2 rolled out").atMost(UP).until(() -> {
      Dashboard d = operator.dashboards().get(namespace, "sales");
      return d.getStatus() != null && Long.valueOf(2).equals(d.getStatus().getLastGoodRevision());
    });
    await("the page of revision 2").atMost(Duration.ofMinutes(1)).ignoreExceptions()
        .until(() -> RealNode.get(operator.client(), namespace, "sales", "/").contains("Sales, second edition"));
  }

  @Test
  void aProcessThatExitsIsRolledBack() {
    String namespace = operator.namespace("real-crash");
    createGood(namespace);

    setImage(namespace, crashing);

    assertRolledBack(namespace, Set.of("CrashLoopBackOff", "ContainerFailed"));
  }

  @Test
  void aTagTheRegistryDoesNotHaveIsRolledBack() {
    String namespace = operator.namespace("real-pull");
    createGood(namespace);

    setImage(namespace, RealNode.repositoryOf(RealNode.runtimeImage()) + ":no-such-tag");

    assertRolledBack(namespace, Set.of("ImagePullBackOff", "ErrImagePull"));
  }

  @Test
  void aDefinitionTheRuntimeRefusesIsRolledBack() {
    String namespace = operator.namespace("real-unusable");
    createGood(namespace);
    // A ConfigMap the schema cannot look into, with a definition the operator's validator accepts (it is the
    // runtime's too) but the runtime refuses when it loads: the file lies outside its data directories, which only
    // the runtime knows. It answers readiness 422, the last line of defence.
    operator.client().resource(new ConfigMapBuilder().withNewMetadata().withName("sales-definition")
        .withNamespace(namespace).endMetadata().addToData("dashboard.yaml", """
            title: Sales
            datasets: [{name: orders, format: csv, path: /etc/orders.csv}]
            panels:
            - {id: count, title: Orders, type: metric, query: 'SELECT count(*) AS orders FROM orders', x: orders,
               grid: {col: 0, row: 0, width: 4, height: 2}}
            """).build()).create();

    operator.dashboards().edit(namespace, "sales", d -> {
      DefinitionRef ref = new DefinitionRef();
      ref.setName("sales-definition");
      d.getSpec().setDefinition(null);
      d.getSpec().setDefinitionRef(ref);
      return d;
    });

    assertRolledBack(namespace, Set.of(DashboardConditions.REASON_DEFINITION_UNUSABLE));
  }

  private static void createGood(String namespace) {
    Dashboard dashboard = RealNode.sampleDashboard(namespace, "sales", "Sales");
    RolloutSpec rollout = new RolloutSpec();
    rollout.setProgressDeadlineSeconds(240);
    dashboard.getSpec().setRollout(rollout);
    operator.client().resource(dashboard).create();
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "True",
        DashboardConditions.REASON_READY, UP);
  }

  private static void setImage(String namespace, String image) {
    operator.dashboards().edit(namespace, "sales", d -> {
      RuntimeSpec runtime = d.getSpec().getRuntime() == null ? new RuntimeSpec() : d.getSpec().getRuntime();
      runtime.setImage(image);
      d.getSpec().setRuntime(runtime);
      return d;
    });
  }

  private static void assertRolledBack(String namespace, Set<String> causes) {
    Condition rolledBack = await("RolledBack with one of " + causes).atMost(UP).until(
        () -> condition(namespace, DashboardConditions.ROLLED_BACK),
        c -> c != null && "True".equals(c.getStatus()) && causes.contains(c.getReason()));
    assertThat(rolledBack.getMessage()).contains("revision 2 failed").contains("rolled back to revision 1");
    Dashboard dashboard = operator.dashboards().get(namespace, "sales");
    assertThat(dashboard.getStatus().getPhase()).isEqualTo(DashboardPhase.RolledBack);
    assertThat(dashboard.getStatus().getCurrentRevision()).isEqualTo(1L);
    operator.dashboards().awaitEvent(namespace, "sales", "Warning", DashboardConditions.REASON_ROLLED_BACK);
    // Revision 1 serves again.
    await("revision 1 answering").atMost(UP).ignoreExceptions()
        .until(() -> RealNode.get(operator.client(), namespace, "sales", "/api/panels").contains("\"count\""));
  }

  private static Condition condition(String namespace, String type) {
    Dashboard d = operator.dashboards().get(namespace, "sales");
    return d.getStatus() == null ? null : d.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }
}
