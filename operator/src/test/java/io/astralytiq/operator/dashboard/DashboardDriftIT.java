package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Children changed by hand come back as the Dashboard says, and only the fields the operator owns do. */
@ExtendWith(RealApiServer.class)
class DashboardDriftIT {

  private static OperatorFixture operator;
  private static KubernetesClient client;
  private static DashboardAsserts dashboards;

  @BeforeAll
  static void startOperator(KubernetesClient apiClient) {
    client = apiClient;
    operator = OperatorFixture.start(client);
    dashboards = new DashboardAsserts(client);
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void aChildDeletedByHandIsRecreated() {
    String namespace = operator.namespace("deleted");
    client.resource(Dashboards.minimal(namespace, "orders")).create();
    String uid = dashboards.awaitPresent("the Service", () -> client.services().inNamespace(namespace)
        .withName("orders").get()).getMetadata().getUid();

    client.services().inNamespace(namespace).withName("orders").delete();

    dashboards.awaitPresent("a new Service", () -> {
      var service = client.services().inNamespace(namespace).withName("orders").get();
      return service != null && !service.getMetadata().getUid().equals(uid) ? service : null;
    });
  }

  @Test
  void aFieldEditedByHandIsRestoredWhileAUsersLabelStays() {
    String namespace = operator.namespace("edited");
    client.resource(Dashboards.minimal(namespace, "orders")).create();
    dashboards.awaitPresent("the Deployment", () -> deployment(namespace));

    client.apps().deployments().inNamespace(namespace).withName("orders").edit(d -> {
      d.getMetadata().getLabels().put("team.example.com/cost-center", "analytics");
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("example.test/someone-elses:1");
      return d;
    });

    Deployment restored = dashboards.awaitPresent("the image restored", () -> {
      Deployment d = deployment(namespace);
      return OperatorFixture.RUNTIME_IMAGE.equals(d.getSpec().getTemplate().getSpec().getContainers().get(0)
          .getImage()) ? d : null;
    });
    assertThat(restored.getMetadata().getLabels()).containsEntry("team.example.com/cost-center", "analytics");
  }

  private static Deployment deployment(String namespace) {
    return client.apps().deployments().inNamespace(namespace).withName("orders").get();
  }
}
