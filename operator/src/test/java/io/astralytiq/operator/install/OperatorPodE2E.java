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
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator as a user installs it: `helm install` of the chart with the image this build pushed to the local
 * registry, running as a pod on the real node under the chart's least-privilege RBAC, reconciling real dashboards.
 */
@ExtendWith(LocalCluster.class)
class OperatorPodE2E {

  private static final Duration UP = Duration.ofMinutes(4);
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
    String operatorImage = RealNode.operatorImage();
    Command.Result installed = helm.run("--kubeconfig", kubeconfig.toString(), "install", RELEASE,
        Helm.CHART.toString(), "--namespace", system, "--create-namespace", "--wait", "--timeout", "4m",
        "--set", "image.repository=" + RealNode.repositoryOf(operatorImage),
        "--set", "image.digest=" + operatorImage.substring(operatorImage.indexOf('@') + 1),
        "--set", "operator.runtimeImage=" + RealNode.runtimeImage(),
        "--set", "operator.allowUnmanagedNamespaces=true",
        // the CRDs are there already, applied by the suite before any test: as a GitOps tool applies them first
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
}
