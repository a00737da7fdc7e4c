package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Children changed by hand come back as the Dashboard says, and only the fields the operator owns do. */
class DashboardDriftIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer();

  @Test
  void aChildDeletedByHandIsRecreated() {
    String namespace = operator.namespace("deleted");
    operator.client().resource(Dashboards.minimal(namespace, "orders")).create();
    String uid = operator.dashboards().awaitPresent("the Service", () -> operator.client().services().inNamespace(namespace)
        .withName("orders").get()).getMetadata().getUid();

    operator.client().services().inNamespace(namespace).withName("orders").delete();

    operator.dashboards().awaitPresent("a new Service", () -> {
      var service = operator.client().services().inNamespace(namespace).withName("orders").get();
      return service != null && !service.getMetadata().getUid().equals(uid) ? service : null;
    });
  }

  @Test
  void aFieldEditedByHandIsRestoredWhileAUsersLabelStays() {
    String namespace = operator.namespace("edited");
    operator.client().resource(Dashboards.minimal(namespace, "orders")).create();
    operator.dashboards().awaitPresent("the Deployment", () -> deployment(namespace));

    operator.client().apps().deployments().inNamespace(namespace).withName("orders").edit(d -> {
      d.getMetadata().getLabels().put("team.example.com/cost-center", "analytics");
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("example.test/someone-elses:1");
      return d;
    });

    Deployment restored = operator.dashboards().awaitPresent("the image restored", () -> {
      Deployment d = deployment(namespace);
      return OperatorFixture.RUNTIME_IMAGE.equals(d.getSpec().getTemplate().getSpec().getContainers().get(0)
          .getImage()) ? d : null;
    });
    assertThat(restored.getMetadata().getLabels()).containsEntry("team.example.com/cost-center", "analytics");
  }

  private static Deployment deployment(String namespace) {
    return operator.client().apps().deployments().inNamespace(namespace).withName("orders").get();
  }
}
