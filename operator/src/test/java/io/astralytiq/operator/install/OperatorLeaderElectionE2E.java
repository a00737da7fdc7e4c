package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RealNode;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.LocalCluster;
import io.astralytiq.testing.LocalCluster.Cluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two operator pods from the chart (replicaCount 2) on the real node: one leads through the Lease, the other
 * waits with its caches filled and reconciles nothing. The leader's process is killed with SIGKILL, so nothing
 * releases the Lease: the standby takes it when it expires and reconciles the change made meanwhile. Prints the
 * seconds from the kill to that reconcile.
 *
 * <p>Why two never reconcile at once: a pod reconciles only while it holds the Lease, and a leader that cannot
 * renew it within the renew deadline (10 s) exits the process (JOSDK's exitOnStopLeading) before the Lease
 * (15 s) can pass to another. The test shows the standby's side: its reconcile count is zero until the kill,
 * and the killed pod, restarted, waits as the new standby with a count of zero.
 */
@ExtendWith(LocalCluster.class)
class OperatorLeaderElectionE2E {

  private static final Duration UP = Duration.ofMinutes(4);
  private static final String RELEASE = "astralytiq-ha";
  private static final String LEASE = "astralytiq-operator";
  private static final String RECONCILES = "operator_sdk_reconciliations_started_total";
  private static String system;
  private static String dashboards;
  private static Helm helm;
  private static Path kubeconfig;

  @BeforeAll
  static void installTwoReplicas(Cluster cluster) {
    helm = Helm.pinned();
    kubeconfig = cluster.kubeconfig();
    system = OperatorFixture.uniqueName("astralytiq-ha");
    dashboards = OperatorFixture.uniqueName("leader");
    cluster.client().resource(new NamespaceBuilder().withNewMetadata().withName(dashboards).endMetadata().build())
        .create();
    String operatorImage = RealNode.operatorImage();
    Command.Result installed = helm.run("--kubeconfig", kubeconfig.toString(), "install", RELEASE,
        Helm.CHART.toString(), "--namespace", system, "--create-namespace", "--wait", "--timeout", "4m",
        "--set", "replicaCount=2",
        "--set", "image.repository=" + RealNode.repositoryOf(operatorImage),
        "--set", "image.digest=" + operatorImage.substring(operatorImage.indexOf('@') + 1),
        "--set", "operator.runtimeImage=" + RealNode.runtimeImage(),
        "--set", "operator.allowUnmanagedNamespaces=true",
        "--set", "crds.enabled=false",
        "--set", "operator.watchNamespaces={" + dashboards + "}");
    assertThat(installed.exitCode()).as(installed.stdout() + installed.stderr()).isZero();
  }

  @AfterAll
  static void uninstall() {
    if (helm != null) {
      helm.run("--kubeconfig", kubeconfig.toString(), "uninstall", RELEASE, "--namespace", system, "--wait");
    }
  }

  @Test
  void theStandbyTakesOverFromAKilledLeaderAndOnlyOneReconciles(KubernetesClient client) {
    DashboardAsserts asserts = new DashboardAsserts(client);
    String leader = await("a leader").atMost(UP).until(() -> holder(client), Objects::nonNull);
    Pod standby = await("both pods ready").atMost(UP).until(() -> readyPods(client), pods -> pods.size() == 2)
        .stream().filter(p -> !p.getMetadata().getName().equals(leader)).findFirst().orElseThrow();
    client.resource(RealNode.sampleDashboard(dashboards, "sales", "Sales")).create();
    asserts.awaitCondition(dashboards, "sales", DashboardConditions.READY, "True", DashboardConditions.REASON_READY,
        UP);
    assertThat(reconciles(client, leader)).as("the leader reconciled the dashboard").isPositive();
    assertThat(reconciles(client, standby.getMetadata().getName())).as("the standby reconciled nothing").isZero();
    int transitions = transitions(client);

    Pod leaderPod = client.pods().inNamespace(system).withName(leader).get();
    ProcessHandle process = ProcessHandle.of(RealNode.containerPid(leaderPod, "operator")).orElseThrow();
    long killed = System.nanoTime();
    assertThat(process.destroyForcibly()).as("SIGKILL sent").isTrue();
    Dashboard changed = asserts.edit(dashboards, "sales", d -> {
      d.getSpec().getDefinition().setTitle("Sales, after the leader died");
      return d;
    });
    await("the change reconciled by the new leader").atMost(UP).pollInterval(Duration.ofMillis(200)).until(() -> {
      Dashboard now = asserts.get(dashboards, "sales");
      return now.getStatus() != null && Objects.equals(now.getStatus().getObservedGeneration(),
          changed.getMetadata().getGeneration());
    });
    double takeover = (System.nanoTime() - killed) / 1e9;

    System.out.printf("leader_election: takeover_s=%.1f lease_duration_s=15 old=%s new=%s%n", takeover, leader,
        standby.getMetadata().getName());
    assertThat(holder(client)).as("the standby holds the Lease").isEqualTo(standby.getMetadata().getName());
    assertThat(transitions(client)).as("one hand-over").isEqualTo(transitions + 1);
    assertThat(reconciles(client, standby.getMetadata().getName())).as("the new leader reconciles").isPositive();
    await("the killed pod's container restarted, as the new standby").atMost(UP)
        .until(() -> readyPods(client).stream().anyMatch(p -> p.getMetadata().getName().equals(leader)
            && p.getStatus().getContainerStatuses().stream().anyMatch(c -> c.getRestartCount() > 0)));
    assertThat(reconciles(client, leader)).as("the restarted old leader waits and reconciles nothing").isZero();
    await("the page of the change, served").atMost(Duration.ofMinutes(2)).ignoreExceptions()
        .until(() -> RealNode.get(client, dashboards, "sales", "/").contains("Sales, after the leader died"));
  }

  private static String holder(KubernetesClient client) {
    Lease lease = client.leases().inNamespace(system).withName(LEASE).get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static int transitions(KubernetesClient client) {
    Integer count = client.leases().inNamespace(system).withName(LEASE).get().getSpec().getLeaseTransitions();
    return count == null ? 0 : count;
  }

  private static List<Pod> readyPods(KubernetesClient client) {
    return client.pods().inNamespace(system).withLabel("app.kubernetes.io/instance", RELEASE).list().getItems()
        .stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> p.getStatus() != null && p.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .toList();
  }

  /** Reconciliations a pod's operator started, from its /metrics (through the API server's pod proxy). */
  private static long reconciles(KubernetesClient client, String pod) {
    String metrics = client.raw("/api/v1/namespaces/" + system + "/pods/" + pod + ":8081/proxy/metrics");
    return metrics.lines().filter(line -> line.startsWith(RECONCILES))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }
}
