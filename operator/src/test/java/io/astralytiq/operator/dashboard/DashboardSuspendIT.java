package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.AutoscalingSpec;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.testing.RealApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** spec.suspend scales the runtime to zero and keeps everything else; resuming brings it back. */
@ExtendWith(RealApiServer.class)
class DashboardSuspendIT {

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
  void suspendScalesToZeroAndRemovesTheAutoscalerThenResumeRestoresBoth() {
    String namespace = operator.namespace("suspend");
    Dashboard dashboard = Dashboards.minimal(namespace, "orders");
    AutoscalingSpec autoscaling = new AutoscalingSpec();
    autoscaling.setMinReplicas(2);
    autoscaling.setMaxReplicas(4);
    dashboard.getSpec().setAutoscaling(autoscaling);
    client.resource(dashboard).create();
    dashboards.awaitPresent("the autoscaler", () -> hpa(namespace));

    dashboards.edit(namespace, "orders", d -> {
      d.getSpec().setSuspend(true);
      return d;
    });

    dashboards.awaitCondition(namespace, "orders", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SUSPENDED);
    dashboards.awaitAbsent("no autoscaler while suspended", () -> hpa(namespace));
    assertThat(client.apps().deployments().inNamespace(namespace).withName("orders").get().getSpec().getReplicas())
        .isZero();
    assertThat(dashboards.get(namespace, "orders").getStatus().getPhase()).isEqualTo(DashboardPhase.Suspended);
    assertThat(client.services().inNamespace(namespace).withName("orders").get()).as("kept").isNotNull();
    dashboards.awaitEvent(namespace, "orders", "Normal", DashboardConditions.REASON_SUSPENDED);

    dashboards.edit(namespace, "orders", d -> {
      d.getSpec().setSuspend(false);
      return d;
    });

    dashboards.awaitPresent("the autoscaler back", () -> hpa(namespace));
    dashboards.awaitPresent("the Deployment no longer at zero", () -> {
      Integer replicas = client.apps().deployments().inNamespace(namespace).withName("orders").get().getSpec()
          .getReplicas();
      return replicas == null || replicas > 0 ? true : null;
    });
  }

  private static Object hpa(String namespace) {
    return client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withName("orders").get();
  }
}
