package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.tls.leaf.LeafSecretData;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;

/** The kubernetes.io/tls Secret the Ingress serves, holding a certificate from the operator's CA (tls.mode Operator). */
final class DesiredTlsSecret {

  private DesiredTlsSecret() {}

  static Secret of(DashboardModel model, Map<String, String> data) {
    return new SecretBuilder()
        .withMetadata(model.childMetadata(DashboardNames.tlsSecret(model.dashboard())))
        .withType(LeafSecretData.TYPE)
        .withData(data)
        .build();
  }
}
