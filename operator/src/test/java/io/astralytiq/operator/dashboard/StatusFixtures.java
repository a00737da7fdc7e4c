package io.astralytiq.operator.dashboard;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Dashboards, inputs and Deployments in the states the status tests judge. */
final class StatusFixtures {

  private StatusFixtures() {}

  static DashboardInputs inputs(DashboardSpec spec, List<Outcome> problems, Dashboard holder) {
    DashboardModel model = new DashboardModel(dashboard(spec), OperatorConfig.from(Map.of()), null, null, null,
        holder != null, null, Set.of());
    return new DashboardInputs(model, problems, Optional.ofNullable(holder),
        Outcome.of(TenantConditions.ADMITTED, true, "Admitted", "admitted by tenant acme"));
  }

  static Dashboard dashboard(DashboardSpec spec) {
    Dashboard dashboard = new Dashboard();
    dashboard.setMetadata(new ObjectMetaBuilder().withName("sales").withNamespace("acme").withGeneration(4L)
        .withUid("uid-sales").build());
    dashboard.setSpec(spec);
    return dashboard;
  }

  static Deployment deployment(int desired, int updated, int ready, int available, String progressReason) {
    return new DeploymentBuilder()
        .withNewMetadata().withName("sales").withGeneration(7L).endMetadata()
        .withNewSpec().withReplicas(desired).endSpec()
        .withNewStatus().withObservedGeneration(7L).withReplicas(Math.max(desired, updated)).withUpdatedReplicas(updated)
          .withReadyReplicas(ready).withAvailableReplicas(available)
          .addNewCondition().withType("Available").withStatus(available >= desired ? "True" : "False")
            .withReason(available >= desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
          .endCondition()
          .addNewCondition().withType("Progressing").withStatus(progressReason == null ? "True" : "False")
            .withReason(progressReason == null ? "ReplicaSetUpdated" : progressReason)
            .withMessage(progressReason == null ? "progressing" : "ReplicaSet \"sales-1\" has timed out progressing.")
          .endCondition()
        .endStatus()
        .build();
  }
}
