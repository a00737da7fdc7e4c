package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The runtime's Service (port 80 to the container's http port) and its own ServiceAccount. */
final class DesiredService {

  static final int SERVICE_PORT = 80;

  private DesiredService() {}

  static Service service(DashboardModel model) {
    return new ServiceBuilder()
        .withMetadata(model.childMetadata(DashboardNames.service(model.dashboard())))
        .withNewSpec()
          .withType("ClusterIP")
          .withSelector(model.selectorLabels())
          .addNewPort().withName(RuntimeContract.PORT_NAME).withPort(SERVICE_PORT).withProtocol("TCP")
            .withTargetPort(new IntOrString(RuntimeContract.PORT_NAME))
          .endPort()
        .endSpec()
        .build();
  }

  /** A ServiceAccount of its own, so no dashboard shares an identity; its token is never mounted. */
  static ServiceAccount serviceAccount(DashboardModel model) {
    return new ServiceAccountBuilder()
        .withMetadata(model.childMetadata(DashboardNames.serviceAccount(model.dashboard())))
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
