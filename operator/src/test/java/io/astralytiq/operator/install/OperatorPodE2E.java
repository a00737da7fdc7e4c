package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RealNode;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.Crds;
import io.astralytiq.testing.LocalCluster;
import io.astralytiq.testing.LocalCluster.Cluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator as a user installs it: `helm install` of the chart with the image this build pushed to the local
 * registry, running as a pod on the real node under the chart's least-privilege RBAC, reconciling real dashboards.
 */
@ExtendWith(LocalCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorPodE2E {

  private static final Duration UP = Duration.ofMinutes(4);
  private static final int LAST = Integer.MAX_VALUE;
  private static final String LEASE = "astralytiq-operator";
  private static final String RECONCILES = "operator_sdk_reconciliations_started_total";
  private static final String RELEASE = "astralytiq";
  private static String system;
  private static String dashboards;
  private static Helm helm;
  private static Path kubeconfig;

  @BeforeAll
  static void install(Cluster cluster) {
    helm = Helm.pinned();
    kubeconfig = cluster.kubeconfig();
    system = OperatorFixture.uniqueName("astralytiq-system");
    dashboards = OperatorFixture.uniqueName("operator-pod");
    cluster.client().resource(new NamespaceBuilder().withNewMetadata().withName(dashboards).endMetadata().build())
        .create();
    // The CRDs first, as a GitOps tool applies them before the chart (installed with crds.enabled=false below).
    Crds.install(cluster.client());
    String operatorImage = RealNode.operatorImage();
    Command.Result installed = helm.run("--kubeconfig", kubeconfig.toString(), "install", RELEASE,
        Helm.CHART.toString(), "--namespace", system, "--create-namespace", "--wait", "--timeout", "4m",
        // the tenant roles are there already too: the operator fixtures of other test classes apply them
        "--take-ownership",
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
  void theOperatorPodRunsAsNonRootOnAReadOnlyRootFilesystem(KubernetesClient client) {
    Pod pod = operatorPod(client);
    assertThat(pod.getSpec().getNodeName()).as("on the real node").doesNotStartWith("kwok-");

    long pid = RealNode.containerPid(pod, "operator");

    // As the container itself sees it: its process's user, and the root of its own mount table.
    String status = RealNode.read(Path.of("/proc/" + pid + "/status"));
    assertThat(status).containsPattern("(?m)^Uid:\\s+65532\\s+65532\\s+65532\\s+65532$");
    String root = RealNode.read(Path.of("/proc/" + pid + "/mountinfo")).lines()
        .filter(line -> line.split(" ")[4].equals("/")).findFirst().orElseThrow();
    assertThat(root.split(" ")[5].split(",")).as(root).contains("ro");
  }

  @Test
  void theOperatorPodFinishesARolloutItsPredecessorStarted(KubernetesClient client) {
    DashboardAsserts asserts = new DashboardAsserts(client);
    Dashboard dashboard = RealNode.sampleDashboard(dashboards, "sales", "Sales");
    client.resource(dashboard).create();
    asserts.awaitCondition(dashboards, "sales", DashboardConditions.READY, "True", DashboardConditions.REASON_READY,
        UP);

    asserts.edit(dashboards, "sales", d -> {
      d.getSpec().getDefinition().setTitle("Sales, after the restart");
      return d;
    });
    // The rollout of revision 2 is under way (its revision recorded) when the operator's pod goes.
    await("revision 2 recorded").atMost(UP).until(() -> revisions(client).size() == 2);
    Pod first = operatorPod(client);
    client.resource(first).delete();

    await("a new operator pod").atMost(UP).until(() -> {
      Pod next = operatorPod(client);
      return next != null && !next.getMetadata().getUid().equals(first.getMetadata().getUid());
    });
    await("revision 2 healthy").atMost(UP).until(() -> {
      Dashboard d = asserts.get(dashboards, "sales");
      return d.getStatus() != null && Long.valueOf(2).equals(d.getStatus().getLastGoodRevision());
    });
    assertThat(revisions(client)).as("nothing duplicated").extracting(ControllerRevision::getRevision)
        .containsExactlyInAnyOrder(1L, 2L);
    assertThat(client.apps().deployments().inNamespace(dashboards).list().getItems()).hasSize(1);
    await("the page of revision 2").atMost(Duration.ofMinutes(1)).ignoreExceptions()
        .until(() -> RealNode.get(client, dashboards, "sales", "/").contains("Sales, after the restart"));
  }

  private static List<ControllerRevision> revisions(KubernetesClient client) {
    return client.apps().controllerRevisions().inNamespace(dashboards).list().getItems();
  }

  private static Pod operatorPod(KubernetesClient client) {
    return client.pods().inNamespace(system).withLabel("app.kubernetes.io/name", "astralytiq-operator").list()
        .getItems().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> p.getStatus() != null && p.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .findFirst().orElse(null);
  }

  /**
   * Runs last: it scales the release to two replicas. One pod leads through the Lease, the other waits with its
   * caches filled and reconciles nothing. The leader's process is killed with SIGKILL and its pod removed, as when
   * its node dies, so nothing releases the Lease: another pod takes it when it expires and reconciles the change
   * made meanwhile. Prints the seconds from the kill to that reconcile.
   *
   * <p>Why two never reconcile at once: a pod reconciles only while it holds the Lease, and a leader that cannot
   * renew it within the renew deadline (10 s) exits the process (JOSDK's exitOnStopLeading) before the Lease (15 s)
   * can pass to another. The test shows the standby's side: its reconcile count is zero until the kill, and after
   * the hand-over every pod but the new leader has a count of zero.
   */
  @Test
  @Order(LAST)
  void theStandbyTakesOverFromAKilledLeaderAndOnlyOneReconciles(KubernetesClient client) {
    Command.Result scaled = helm.run("--kubeconfig", kubeconfig.toString(), "upgrade", RELEASE, Helm.CHART.toString(),
        "--namespace", system, "--reuse-values", "--set", "replicaCount=2", "--wait", "--timeout", "4m");
    assertThat(scaled.exitCode()).as(scaled.stdout() + scaled.stderr()).isZero();
    DashboardAsserts asserts = new DashboardAsserts(client);
    // The Lease may still name a pod an earlier test deleted, until it expires and a live pod takes it.
    List<Pod> pods = await("both pods ready, one of them holding the Lease").atMost(UP)
        .until(() -> readyPods(client), ready -> ready.size() == 2
            && ready.stream().anyMatch(p -> p.getMetadata().getName().equals(holder(client))));
    String leader = holder(client);
    Pod standby = pods.stream().filter(p -> !p.getMetadata().getName().equals(leader)).findFirst().orElseThrow();
    client.resource(RealNode.sampleDashboard(dashboards, "ha", "Sales")).create();
    asserts.awaitCondition(dashboards, "ha", DashboardConditions.READY, "True", DashboardConditions.REASON_READY,
        UP);
    assertThat(reconciles(client, leader)).as("the leader reconciled the dashboard").isPositive();
    assertThat(reconciles(client, standby.getMetadata().getName())).as("the standby reconciled nothing").isZero();
    int transitions = transitions(client);

    Pod leaderPod = client.pods().inNamespace(system).withName(leader).get();
    ProcessHandle process = ProcessHandle.of(RealNode.containerPid(leaderPod, "operator")).orElseThrow();
    long killed = System.nanoTime();
    // The process killed and its pod removed at once, as when its node dies: a container restarted in the same pod
    // would keep the pod's name as its identity and resume the Lease at once, with no hand-over to measure.
    assertThat(process.destroyForcibly()).as("SIGKILL sent").isTrue();
    client.pods().inNamespace(system).withName(leader).withGracePeriod(0).delete();
    Dashboard changed = asserts.edit(dashboards, "ha", d -> {
      d.getSpec().getDefinition().setTitle("Sales, after the leader died");
      return d;
    });
    await("the change reconciled by the new leader").atMost(UP).pollInterval(Duration.ofMillis(200)).until(() -> {
      Dashboard now = asserts.get(dashboards, "ha");
      return now.getStatus() != null && Objects.equals(now.getStatus().getObservedGeneration(),
          changed.getMetadata().getGeneration());
    });
    double takeover = (System.nanoTime() - killed) / 1e9;
    String next = holder(client);

    System.out.printf("leader_election: takeover_s=%.1f lease_duration_s=15 old=%s new=%s standby_won=%s%n",
        takeover, leader, next, next.equals(standby.getMetadata().getName()));
    assertThat(next).as("another pod holds the Lease").isNotEqualTo(leader);
    assertThat(transitions(client)).as("one hand-over").isEqualTo(transitions + 1);
    assertThat(reconciles(client, next)).as("the new leader reconciles").isPositive();
    await("the replacement pod ready").atMost(UP).until(() -> readyPods(client).size() == 2);
    for (Pod other : readyPods(client)) {
      if (!other.getMetadata().getName().equals(next)) {
        assertThat(reconciles(client, other.getMetadata().getName())).as("the standby %s reconciles nothing",
            other.getMetadata().getName()).isZero();
      }
    }
    await("the page of the change, served").atMost(Duration.ofMinutes(2)).ignoreExceptions()
        .until(() -> RealNode.get(client, dashboards, "ha", "/").contains("Sales, after the leader died"));
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
    if (metrics == null) {
      throw new IllegalStateException("no /metrics from pod " + pod);
    }
    return metrics.lines().filter(line -> line.startsWith(RECONCILES))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }
}
