package io.astralytiq.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

/** The check AutoscalingE2E rests on: who owns spec.replicas, read from a Deployment's managedFields. */
class AutoscaleRunTest {

  @Test
  void theManagersOfSpecReplicasAreThoseWhoseFieldsNameIt() {
    Deployment deployment = withManagedFields("""
        - {manager: astralytiq-operator, operation: Apply, fieldsV1: {f:spec: {f:replicas: {}, f:template: {}}}}
        - {manager: kube-controller-manager, operation: Update, subresource: scale, fieldsV1: {f:spec: {f:replicas: {}}}}
        - {manager: kube-controller-manager, operation: Update, subresource: status, fieldsV1: {f:status: {f:replicas: {}}}}
        """);

    assertThat(AutoscaleRun.replicaManagers(deployment))
        .containsExactly(AutoscaleRun.OPERATOR_MANAGER, "kube-controller-manager/scale");
  }

  @Test
  void aDeploymentWhoseSpecLeavesReplicasOutHasNoManagerOfThem() {
    Deployment deployment = withManagedFields("""
        - {manager: astralytiq-operator, operation: Apply, fieldsV1: {f:spec: {f:template: {}}}}
        """);

    assertThat(AutoscaleRun.replicaManagers(deployment)).isEmpty();
  }

  private static Deployment withManagedFields(String entries) {
    return Serialization.unmarshal("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: pairs\n  managedFields:\n"
        + entries.indent(2), Deployment.class);
  }
}
