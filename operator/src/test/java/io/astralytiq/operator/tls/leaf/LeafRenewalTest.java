package io.astralytiq.operator.tls.leaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.testing.MutableClock;
import io.astralytiq.operator.tls.CertificateAuthority;
import io.astralytiq.operator.tls.CertificateIssuer;
import io.astralytiq.operator.tls.LeafCertificate;
import io.astralytiq.operator.tls.SecretData;
import io.astralytiq.operator.tls.ca.CaBundle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a dashboard's certificate is issued anew, and the reason given for it. */
class LeafRenewalTest {

  private static final String HOST = "sales.example.test";

  private final MutableClock clock = new MutableClock(Instant.parse("2030-03-01T12:00:00Z"));
  private final CertificateIssuer issuer = new CertificateIssuer(clock, TlsPolicy.DEFAULTS);
  private final LeafRenewal renewal = new LeafRenewal(clock);
  private final CertificateAuthority ca = issuer.newCa();

  @Test
  void aCertificateIsKeptJustBeforeTwoThirdsOfItsLifetime() {
    LeafCertificate leaf = issuer.issue(ca, HOST);
    clock.set(leaf.renewAt().minusSeconds(1));

    Renewal decision = renewal.decide(leaf, HOST, ca);

    assertThat(decision.needed()).isFalse();
    assertThat(decision.reason()).isEqualTo(RenewalReason.NOT_DUE);
    assertThat(decision.renewAt()).contains(leaf.renewAt());
  }

  @Test
  void aCertificateIsRenewedOnceTwoThirdsOfItsLifetimeHavePassed() {
    LeafCertificate leaf = issuer.issue(ca, HOST);
    clock.set(leaf.renewAt());

    Renewal decision = renewal.decide(leaf, HOST, ca);

    assertThat(decision.needed()).isTrue();
    assertThat(decision.reason()).isEqualTo(RenewalReason.TWO_THIRDS_PASSED);
    assertThat(decision.reason().description()).isEqualTo("renewed: two thirds of lifetime passed");
  }

  @Test
  void twoThirdsOfNinetyDaysIsSixtyDaysAfterTheBackdatedStart() {
    LeafCertificate leaf = issuer.issue(ca, HOST);

    Duration lifetime = Duration.between(leaf.notBefore(), leaf.notAfter());
    assertThat(Duration.between(leaf.notBefore(), leaf.renewAt())).isEqualTo(lifetime.multipliedBy(2).dividedBy(3));
    assertThat(leaf.renewAt()).isBetween(clock.instant().plus(Duration.ofDays(59)),
        clock.instant().plus(Duration.ofDays(60)));
  }

  @Test
  void aCertificateForAnotherHostIsRenewed() {
    LeafCertificate leaf = issuer.issue(ca, "old.example.test");

    assertThat(renewal.decide(leaf, HOST, ca).reason()).isEqualTo(RenewalReason.HOST_CHANGED);
  }

  @Test
  void aCertificateSignedByAnotherCaIsRenewed() {
    LeafCertificate leaf = issuer.issue(ca, HOST);
    clock.advance(Duration.ofDays(1));

    Renewal decision = renewal.decide(leaf, HOST, issuer.newCa());

    assertThat(decision.reason()).isEqualTo(RenewalReason.CA_ROTATED);
    assertThat(decision.reason().description()).isEqualTo("renewed: CA rotated");
  }

  @Test
  void noSecretDataMeansIssuing() {
    assertThat(renewal.decide(Map.of(), HOST, ca).reason()).isEqualTo(RenewalReason.MISSING);
    assertThat(renewal.decide((Map<String, String>) null, HOST, ca).needed()).isTrue();
  }

  @Test
  void secretDataThatCannotBeReadIsReplaced() {
    Map<String, String> data = new HashMap<>(LeafSecretData.toData(issuer.issue(ca, HOST), CaBundle.of(ca)));
    data.put(LeafSecretData.CERT, SecretData.encode("-----BEGIN CERTIFICATE-----\nbroken\n"));

    assertThat(renewal.decide(data, HOST, ca).reason()).isEqualTo(RenewalReason.UNREADABLE);
  }

  @Test
  void aCurrentCertificateReadFromItsSecretIsKept() {
    Map<String, String> data = LeafSecretData.toData(issuer.issue(ca, HOST), CaBundle.of(ca));
    clock.advance(Duration.ofDays(30));

    assertThat(renewal.decide(data, HOST, ca).needed()).isFalse();
  }
}
