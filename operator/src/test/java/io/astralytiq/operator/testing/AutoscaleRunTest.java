package io.astralytiq.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

/** The check AutoscalingE2E rests on: who owns spec.replicas, read from a Deployment's managedFields. */
class AutoscaleRunTest {

  @Test
  void theManagersOfSpecReplicasAreThoseWhoseFieldsNameIt() {
    Deployment deployment = Serialization.unmarshal("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: pairs
          managedFields:
          - manager: astralytiq-operator
            operation: Apply
            fieldsType: FieldsV1
            fieldsV1: {f:spec: {f:replicas: {}, f:template: {}}}
          - manager: kube-controller-manager
            operation: Update
            subresource: scale
            fieldsType: FieldsV1
            fieldsV1: {f:spec: {f:replicas: {}}}
          - manager: kube-controller-manager
            operation: Update
            subresource: status
            fieldsType: FieldsV1
            fieldsV1: {f:status: {f:replicas: {}}}
        """, Deployment.class);

    assertThat(AutoscaleRun.replicaManagers(deployment))
        .containsExactly(AutoscaleRun.OPERATOR_MANAGER, "kube-controller-manager/scale");
  }

  @Test
  void aDeploymentWhoseSpecLeavesReplicasOutHasNoManagerOfThem() {
    Deployment deployment = Serialization.unmarshal("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: pairs
          managedFields:
          - {manager: astralytiq-operator, operation: Apply, fieldsType: FieldsV1, fieldsV1: {f:spec: {f:template: {}}}}
        """, Deployment.class);

    assertThat(AutoscaleRun.replicaManagers(deployment)).isEmpty();
  }
}
