package io.astralytiq.operator.dashboard.tls;

import io.astralytiq.operator.common.EventRecorder;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.tls.CertificateIssuer;
import io.astralytiq.operator.tls.ca.CaRotation;
import io.astralytiq.operator.tls.ca.OperatorCa;
import io.astralytiq.operator.tls.leaf.LeafRenewal;
import io.astralytiq.operator.tls.secret.SecretCheck;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * What a Dashboard's TLS is worked out with, built once from the operator's settings: the operator's CA, the
 * issuer and renewal decision of its certificates, and the checks of a user's own Secret.
 */
public record CertificateTools(OperatorCa ca, CertificateIssuer issuer, LeafRenewal renewal, SecretCheck secretCheck,
    Clock clock) {

  public static CertificateTools create(KubernetesClient client, OperatorConfig config, EventRecorder events,
      Clock clock) {
    CertificateIssuer issuer = new CertificateIssuer(clock, config.tlsPolicy());
    OperatorCa ca = new OperatorCa(client, config.operatorNamespace(), config.caSecretName(),
        new CaRotation(issuer, clock, config.tlsPolicy()), events);
    return new CertificateTools(ca, issuer, new LeafRenewal(clock),
        new SecretCheck(clock, config.tlsPolicy().expiryWarning()), clock);
  }
}
