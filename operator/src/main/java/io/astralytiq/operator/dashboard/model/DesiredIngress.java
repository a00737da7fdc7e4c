package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import java.util.List;

/** The Ingress for a dashboard's host; TLS from the Secret its certificate is (or will be) stored in. */
final class DesiredIngress {

  private DesiredIngress() {}

  static Ingress of(DashboardModel model, IngressSpec spec) {
    return new IngressBuilder()
        .withMetadata(model.childMetadata(DashboardNames.ingress(model.dashboard())))
        .withNewSpec()
          .withIngressClassName(spec.getClassName())
          .addNewRule().withHost(spec.getHost())
            .withNewHttp().addNewPath().withPath(spec.getPath()).withPathType("Prefix")
              .withNewBackend().withNewService().withName(DashboardNames.service(model.dashboard()))
                .withNewPort().withName(RuntimeContract.PORT_NAME).endPort()
              .endService().endBackend()
            .endPath().endHttp()
          .endRule()
          .withTls(model.tlsMode() == IngressTls.TlsMode.None ? List.of()
              : List.of(new IngressTLSBuilder().withHosts(spec.getHost())
                  .withSecretName(DashboardNames.tlsSecret(model.dashboard())).build()))
        .endSpec()
        .build();
  }
}
