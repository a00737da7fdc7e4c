package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.AutoscalingSpec;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** spec.suspend scales the runtime to zero and keeps everything else; resuming brings it back. */
class DashboardSuspendIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer();

  @Test
  void suspendScalesToZeroAndRemovesTheAutoscalerThenResumeRestoresBoth() {
    String namespace = operator.namespace("suspend");
    Dashboard dashboard = Dashboards.minimal(namespace, "orders");
    AutoscalingSpec autoscaling = new AutoscalingSpec();
    autoscaling.setMinReplicas(2);
    autoscaling.setMaxReplicas(4);
    dashboard.getSpec().setAutoscaling(autoscaling);
    operator.client().resource(dashboard).create();
    operator.dashboards().awaitPresent("the autoscaler", () -> hpa(namespace));

    operator.dashboards().edit(namespace, "orders", d -> {
      d.getSpec().setSuspend(true);
      return d;
    });

    operator.dashboards().awaitCondition(namespace, "orders", DashboardConditions.READY, "True",
        DashboardConditions.REASON_SUSPENDED);
    operator.dashboards().awaitAbsent("no autoscaler while suspended", () -> hpa(namespace));
    assertThat(operator.client().apps().deployments().inNamespace(namespace).withName("orders").get().getSpec().getReplicas())
        .isZero();
    assertThat(operator.dashboards().get(namespace, "orders").getStatus().getPhase()).isEqualTo(DashboardPhase.Suspended);
    assertThat(operator.client().services().inNamespace(namespace).withName("orders").get()).as("kept").isNotNull();
    operator.dashboards().awaitEvent(namespace, "orders", "Normal", DashboardConditions.REASON_SUSPENDED);

    operator.dashboards().edit(namespace, "orders", d -> {
      d.getSpec().setSuspend(false);
      return d;
    });

    operator.dashboards().awaitPresent("the autoscaler back", () -> hpa(namespace));
    operator.dashboards().awaitPresent("the Deployment no longer at zero", () -> {
      Integer replicas = operator.client().apps().deployments().inNamespace(namespace).withName("orders").get().getSpec()
          .getReplicas();
      return replicas == null || replicas > 0 ? true : null;
    });
  }

  private static Object hpa(String namespace) {
    return operator.client().autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withName("orders").get();
  }
}
