package io.astralytiq.operator.tls.leaf;

import io.astralytiq.operator.tls.CertificateAuthority;
import io.astralytiq.operator.tls.HostNames;
import io.astralytiq.operator.tls.InvalidTlsDataException;
import io.astralytiq.operator.tls.LeafCertificate;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a dashboard's operator-issued certificate is kept or issued anew: it is replaced two thirds into
 * its life, when it no longer names the dashboard's host, when the CA that signs changed, and when it cannot be
 * read at all. Pure: the stored Secret data, the host, the signing CA and the injected clock decide.
 */
public final class LeafRenewal {

  private final Clock clock;

  public LeafRenewal(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** From the leaf Secret's data as stored (base64 values, see {@link LeafSecretData}); null or empty if none. */
  public Renewal decide(Map<String, String> leafSecretData, String host, CertificateAuthority signing) {
    if (leafSecretData == null || leafSecretData.isEmpty()) {
      return Renewal.now(RenewalReason.MISSING);
    }
    LeafCertificate leaf;
    try {
      leaf = LeafSecretData.read(leafSecretData);
    } catch (InvalidTlsDataException e) {
      return Renewal.now(RenewalReason.UNREADABLE);
    }
    return decide(leaf, host, signing);
  }

  public Renewal decide(LeafCertificate leaf, String host, CertificateAuthority signing) {
    if (!HostNames.covers(leaf.certificate(), host)) {
      return Renewal.now(RenewalReason.HOST_CHANGED);
    }
    if (!signing.signed(leaf.certificate())) {
      return Renewal.now(RenewalReason.CA_ROTATED);
    }
    if (!clock.instant().isBefore(leaf.renewAt())) {
      return Renewal.now(RenewalReason.TWO_THIRDS_PASSED);
    }
    return Renewal.notDueUntil(leaf.renewAt());
  }
}
