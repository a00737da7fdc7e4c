package io.astralytiq.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.testing.LocalCluster;
import io.astralytiq.testing.SimulatedPods;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fixture the rollout tests stand on: in the full local control plane, pods of a Deployment in a namespace
 * marked for simulation become Ready on the kwok nodes, and pods marked to fail never do, with the status and
 * Events a kubelet would give them.
 */
@ExtendWith(LocalCluster.class)
class SimulatedNodesE2E {

  @Test
  void aDeploymentsPodsBecomeReady(KubernetesClient client) {
    String namespace = namespace(client, "nodes-ready");
    client.resource(deployment(namespace, "web", "example.test/web:1", Map.of())).create();

    await("2 ready replicas").atMost(Duration.ofSeconds(60)).until(() -> {
      Deployment d = client.apps().deployments().inNamespace(namespace).withName("web").get();
      return d.getStatus() != null && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas());
    });
    assertThat(pods(client, namespace, "web")).hasSize(2).allSatisfy(pod -> {
      assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
      assertThat(pod.getSpec().getNodeName()).startsWith("kwok-node-");
    });
  }

  @Test
  void aPodMarkedToCrashLoopsAndNeverBecomesReady(KubernetesClient client) {
    String namespace = namespace(client, "nodes-crash");
    client.resource(deployment(namespace, "crash", "example.test/web:1",
        Map.of("astralytiq.io/simulate", "crashloop"))).create();

    Pod crashing = await("a crash-looping pod with restarts").atMost(Duration.ofSeconds(60))
        .until(() -> pods(client, namespace, "crash").stream().filter(p -> restarts(p) >= 2).findFirst().orElse(null),
            p -> p != null);
    assertThat(crashing.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
        .isEqualTo("CrashLoopBackOff");
    assertThat(crashing.getStatus().getConditions()).filteredOn(c -> c.getType().equals("Ready"))
        .singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"));
  }

  @Test
  void anImageThatCannotBePulledNeverBecomesReady(KubernetesClient client) {
    String namespace = namespace(client, "nodes-pull");
    client.resource(deployment(namespace, "pull", "example.test/no-such-image:1", Map.of())).create();

    Pod pending = await("a pod failing to pull").atMost(Duration.ofSeconds(60))
        .until(() -> pods(client, namespace, "pull").stream().filter(p -> p.getStatus().getContainerStatuses() != null
            && !p.getStatus().getContainerStatuses().isEmpty()
            && p.getStatus().getContainerStatuses().get(0).getState().getWaiting() != null).findFirst().orElse(null),
            p -> p != null);
    assertThat(pending.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
        .isIn("ErrImagePull", "ImagePullBackOff");
    assertThat(pending.getStatus().getContainerStatuses().get(0).getReady()).isFalse();
  }

  /** The Event the operator's rollout judge reads: core/v1, about the Pod, with the readiness probe's code. */
  @Test
  void aPodWhoseDefinitionIsUnusableRunsUnreadyAndItsProbeEventSays422(KubernetesClient client) {
    String namespace = namespace(client, "nodes-definition");
    client.resource(deployment(namespace, "bad", "example.test/web-definition-unusable:1", Map.of())).create();

    Event unhealthy = await("an Unhealthy Event").atMost(Duration.ofSeconds(60)).until(() -> client.v1().events()
        .inNamespace(namespace).withField("reason", "Unhealthy").list().getItems().stream().findFirst().orElse(null),
        Objects::nonNull);
    assertThat(unhealthy.getType()).isEqualTo("Warning");
    assertThat(unhealthy.getMessage()).startsWith("Readiness probe failed: HTTP probe failed with statuscode: "
        + RuntimeContract.DEFINITION_UNUSABLE_STATUS);
    assertThat(unhealthy.getInvolvedObject().getKind()).isEqualTo("Pod");
    Pod pod = client.pods().inNamespace(namespace).withName(unhealthy.getInvolvedObject().getName()).get();
    assertThat(pod.getMetadata().getUid()).isEqualTo(unhealthy.getInvolvedObject().getUid());
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(pod.getStatus().getContainerStatuses()).singleElement().satisfies(c -> {
      assertThat(c.getStarted()).isTrue();
      assertThat(c.getReady()).isFalse();
      assertThat(c.getRestartCount()).isZero();
    });
  }

  private static int restarts(Pod pod) {
    return pod.getStatus().getContainerStatuses() == null || pod.getStatus().getContainerStatuses().isEmpty() ? 0
        : pod.getStatus().getContainerStatuses().get(0).getRestartCount();
  }

  private static List<Pod> pods(KubernetesClient client, String namespace, String app) {
    return client.pods().inNamespace(namespace).withLabel("app", app).list().getItems();
  }

  private static String namespace(KubernetesClient client, String prefix) {
    String name = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    client.resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .withAnnotations(SimulatedPods.NAMESPACE_ANNOTATIONS).endMetadata().build()).create();
    return name;
  }

  private static Deployment deployment(String namespace, String name, String image, Map<String, String> podLabels) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewSpec().withReplicas(2)
          .withNewSelector().addToMatchLabels("app", name).endSelector()
          .withNewTemplate()
            .withNewMetadata().addToLabels("app", name).addToLabels(podLabels).endMetadata()
            .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }
}
