package io.astralytiq.operator.tls.leaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.testing.MutableClock;
import io.astralytiq.operator.tls.CertificateAuthority;
import io.astralytiq.operator.tls.CertificateIssuer;
import io.astralytiq.operator.tls.LeafCertificate;
import io.astralytiq.operator.tls.Pem;
import io.astralytiq.operator.tls.SecretData;
import io.astralytiq.operator.tls.ca.CaBundle;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dashboard's certificate through its kubernetes.io/tls Secret data and back. */
class LeafSecretDataTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final CertificateIssuer issuer = new CertificateIssuer(clock, TlsPolicy.DEFAULTS);

  @Test
  void theSecretHoldsTheChainItsKeyAndTheTrustBundle() {
    CertificateAuthority signing = issuer.newCa();
    CaBundle bundle = CaBundle.of(signing).withNext(issuer.newCa());
    LeafCertificate leaf = issuer.issue(signing, "sales.example.test");

    Map<String, String> data = LeafSecretData.toData(leaf, bundle);

    assertThat(data).containsOnlyKeys("tls.crt", "tls.key", "ca.crt");
    assertThat(Pem.parseCertificates(SecretData.required(data, "tls.crt")))
        .containsExactly(leaf.certificate(), signing.certificate());
    assertThat(SecretData.required(data, "tls.key")).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Pem.parseCertificates(SecretData.required(data, "ca.crt"))).isEqualTo(bundle.trusted());
    assertThat(data.toString()).doesNotContain(data.get("tls.key"));
  }

  @Test
  void aCertificateComesBackWithItsKeyAndChain() {
    CertificateAuthority signing = issuer.newCa();
    LeafCertificate leaf = issuer.issue(signing, "sales.example.test");

    LeafCertificate read = LeafSecretData.read(LeafSecretData.toData(leaf, CaBundle.of(signing)));

    assertThat(read.certificate()).isEqualTo(leaf.certificate());
    assertThat(read.key().getEncoded()).isEqualTo(leaf.key().getEncoded());
    assertThat(read.chain()).isEqualTo(leaf.chain());
  }
}
