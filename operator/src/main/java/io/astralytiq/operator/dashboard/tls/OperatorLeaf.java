package io.astralytiq.operator.dashboard.tls;

import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.tls.LeafCertificate;
import io.astralytiq.operator.tls.ca.CaBundle;
import io.astralytiq.operator.tls.leaf.LeafSecretData;
import io.astralytiq.operator.tls.leaf.Renewal;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * tls.mode Operator: the certificate a dashboard's Secret should hold now, the stored one while it is current, a
 * new one from the operator's CA when it falls due (two thirds of its life, a new host, a rotated CA).
 *
 * @param data the Secret's data: the certificate, its key and the CAs to trust
 * @param leaf the certificate
 * @param renewal whether it was issued now, and why
 * @param renewedExisting whether it replaces a certificate the Secret already held (an Event says so)
 * @param recheckAt when to look again: the certificate's renewal or the CA's next rotation step, whichever first
 */
public record OperatorLeaf(Map<String, String> data, LeafCertificate leaf, Renewal renewal, boolean renewedExisting,
    Instant recheckAt) {

  public static final String REASON_RENEWED = "CertificateRenewed";

  static OperatorLeaf plan(DashboardModel model, Optional<Secret> stored, CertificateTools tools) {
    CaBundle bundle = tools.ca().bundle(tools.clock().instant());
    Map<String, String> data = stored.map(Secret::getData).orElse(Map.of());
    String host = model.spec().getIngress().getHost();
    Renewal renewal = tools.renewal().decide(data, host, bundle.signing());
    LeafCertificate leaf = renewal.needed() ? tools.issuer().issue(bundle.signing(), host) : LeafSecretData.read(data);
    Instant renewAt = renewal.renewAt().orElse(leaf.renewAt());
    Instant recheckAt = renewAt.isBefore(tools.ca().nextStepAt()) ? renewAt : tools.ca().nextStepAt();
    return new OperatorLeaf(LeafSecretData.toData(leaf, bundle), leaf, renewal, renewal.needed() && !data.isEmpty(),
        recheckAt);
  }
}
