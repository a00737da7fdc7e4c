package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.v1alpha1.AutoscalingSpec;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/** The autoscaler (when asked for) and the disruption budget (when more than one pod runs). */
final class DesiredScaling {

  private DesiredScaling() {}

  static HorizontalPodAutoscaler autoscaler(DashboardModel model, AutoscalingSpec autoscaling) {
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(model.childMetadata(DashboardNames.autoscaler(model.dashboard())))
        .withNewSpec()
          .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
            .withName(DashboardNames.deployment(model.dashboard()))
          .endScaleTargetRef()
          .withMinReplicas(autoscaling.getMinReplicas())
          .withMaxReplicas(autoscaling.getMaxReplicas())
          .addNewMetric().withType("Resource")
            .withNewResource().withName("cpu")
              .withNewTarget().withType("Utilization")
                .withAverageUtilization(autoscaling.getTargetCPUUtilizationPercentage())
              .endTarget()
            .endResource()
          .endMetric()
        .endSpec()
        .build();
  }

  /** At most one pod away at a time, so voluntary disruptions never take the whole dashboard down. */
  static PodDisruptionBudget disruptionBudget(DashboardModel model) {
    return new PodDisruptionBudgetBuilder()
        .withMetadata(model.childMetadata(DashboardNames.disruptionBudget(model.dashboard())))
        .withNewSpec()
          .withMaxUnavailable(new IntOrString(1))
          .withNewSelector().withMatchLabels(model.selectorLabels()).endSelector()
        .endSpec()
        .build();
  }
}
