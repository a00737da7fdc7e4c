package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Create and update against a real API server: the children, their owner, labels and server-side apply. */
@ExtendWith(RealApiServer.class)
class DashboardReconcileIT {

  private static OperatorFixture operator;
  private static KubernetesClient client;

  @BeforeAll
  static void startOperator(KubernetesClient apiClient) {
    client = apiClient;
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void createsEveryChildOwnedByTheDashboardWithTheDesignLabels() {
    String namespace = operator.namespace("create", "acme");
    Dashboard dashboard = client.resource(Dashboards.minimal(namespace, "orders")).create();

    Deployment deployment = await().atMost(Duration.ofSeconds(30)).until(
        () -> client.apps().deployments().inNamespace(namespace).withName(DashboardNames.deployment(dashboard)).get(),
        d -> d != null);
    Service service = client.services().inNamespace(namespace).withName(DashboardNames.service(dashboard)).get();
    ServiceAccount account = client.serviceAccounts().inNamespace(namespace)
        .withName(DashboardNames.serviceAccount(dashboard)).get();
    NetworkPolicy policy = client.network().v1().networkPolicies().inNamespace(namespace)
        .withName(DashboardNames.networkPolicy(dashboard)).get();
    List<ConfigMap> definitions = client.configMaps().inNamespace(namespace)
        .withLabel(Labels.INSTANCE, "orders").list().getItems();

    assertThat(definitions).hasSize(1);
    for (HasMetadata child : List.of(deployment, service, account, policy, definitions.get(0))) {
      assertThat(child.getMetadata().getOwnerReferences()).as(child.getKind())
          .singleElement().satisfies(owner -> {
            assertThat(owner.getUid()).isEqualTo(dashboard.getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
          });
      assertThat(child.getMetadata().getLabels()).as(child.getKind())
          .containsEntry(Labels.NAME, Labels.DASHBOARD_APP)
          .containsEntry(Labels.INSTANCE, "orders")
          .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR)
          .containsEntry(Labels.TENANT, "acme");
    }
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(OperatorFixture.RUNTIME_IMAGE);
    assertThat(definitions.get(0).getImmutable()).isTrue();
    assertThat(definitions.get(0).getData().get("dashboard.yaml")).contains("title: Orders");
  }
}
