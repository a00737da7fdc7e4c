package io.astralytiq.operator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.testing.MutableClock;
import io.astralytiq.operator.tls.ca.CaBundle;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;

/** The certificates the operator's CA issues: what a CA may do, what a server certificate says, how long. */
class CertificateIssuerTest {

  private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
  private static final String HOST = "sales.example.test";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  private final MutableClock clock = new MutableClock(NOW);
  private final CertificateIssuer issuer = new CertificateIssuer(clock, TlsPolicy.DEFAULTS);

  @Test
  void aCaMaySignServerCertificatesOnly() throws Exception {
    X509Certificate ca = issuer.newCa().certificate();

    assertThat(ca.getBasicConstraints()).as("CA with path length 0").isZero();
    assertThat(ca.getKeyUsage()).as("keyCertSign and cRLSign only")
        .containsExactly(false, false, false, false, false, true, true, false, false);
    assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());
    assertThat(ca.getSubjectX500Principal().getName()).contains("CN=AstralytiQ operator CA 2030-03-01");
    ca.verify(ca.getPublicKey());
  }

  @Test
  void aCaLivesForTheConfiguredLifetimeFromShortlyBeforeNow() {
    CertificateAuthority ca = new CertificateIssuer(clock, policyWithCaLifetime(Duration.ofDays(30))).newCa();

    assertThat(ca.notBefore()).isEqualTo(NOW.minus(TlsPolicy.DEFAULTS.clockSkew()));
    assertThat(ca.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(30)));
  }

  @Test
  void everyCertificateHasItsOwnPositiveSerial() {
    var first = issuer.newCa().certificate().getSerialNumber();
    var second = issuer.newCa().certificate().getSerialNumber();

    assertThat(first).isPositive().isNotEqualTo(second);
  }

  @Test
  void aServerCertificateNamesItsHostAndServesTlsOnly() throws Exception {
    X509Certificate leaf = issuer.issue(issuer.newCa(), HOST).certificate();

    assertThat(HostNames.dnsNames(leaf)).containsExactly(HOST);
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=" + HOST);
    assertThat(leaf.getBasicConstraints()).as("not a CA").isEqualTo(-1);
    assertThat(Arrays.copyOf(leaf.getKeyUsage(), 3)).as("digitalSignature, keyEncipherment")
        .containsExactly(true, false, true);
    assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
  }

  @Test
  void aServerCertificateNamesTheKeyOfItsCa() {
    CertificateAuthority ca = issuer.newCa();
    X509Certificate leaf = issuer.issue(ca, HOST).certificate();

    byte[] authorityKey = AuthorityKeyIdentifier.getInstance(extension(leaf, "2.5.29.35")).getKeyIdentifierOctets();
    byte[] caKey = SubjectKeyIdentifier.getInstance(extension(ca.certificate(), "2.5.29.14")).getKeyIdentifier();
    assertThat(authorityKey).isEqualTo(caKey);
    assertThat(extension(leaf, "2.5.29.14")).as("its own key identifier").isNotNull();
  }

  @Test
  void aServerCertificateLivesForTheLeafLifetimeFromShortlyBeforeNow() {
    LeafCertificate leaf = issuer.issue(issuer.newCa(), HOST);

    assertThat(leaf.notBefore()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
    assertThat(leaf.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(90)));
  }

  @Test
  void aServerCertificateNeverOutlivesItsCa() {
    CertificateAuthority ca = issuer.newCa();
    clock.advance(Duration.ofDays(300));

    LeafCertificate leaf = issuer.issue(ca, HOST);

    assertThat(leaf.notAfter()).isEqualTo(ca.notAfter());
  }

  @Test
  void theChainVerifiesAgainstTheCaAlone() throws Exception {
    CertificateAuthority ca = issuer.newCa();
    LeafCertificate leaf = issuer.issue(ca, HOST);

    assertThat(leaf.chain()).containsExactly(leaf.certificate(), ca.certificate());
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(NOW));
    CertPathValidator.getInstance("PKIX").validate(
        CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf.certificate())), parameters);
  }

  @Test
  void keysNeverShowInToString() {
    CertificateAuthority ca = issuer.newCa();
    LeafCertificate leaf = issuer.issue(ca, HOST);
    String caKey = Pem.privateKey(ca.key()).lines().skip(1).findFirst().orElseThrow();
    String leafKey = Pem.privateKey(leaf.key()).lines().skip(1).findFirst().orElseThrow();

    assertThat(ca.toString()).contains("AstralytiQ operator CA").doesNotContain(caKey);
    assertThat(leaf.toString()).contains(HOST).doesNotContain(leafKey);
    assertThat(CaBundle.of(ca).toString()).doesNotContain(caKey);
  }

  private static byte[] extension(X509Certificate certificate, String oid) {
    byte[] value = certificate.getExtensionValue(oid);
    return value == null ? null : ASN1OctetString.getInstance(value).getOctets();
  }

  static TlsPolicy policyWithCaLifetime(Duration caLifetime) {
    TlsPolicy d = TlsPolicy.DEFAULTS;
    return new TlsPolicy(caLifetime, d.leafLifetime(), Duration.ofDays(1), d.clockSkew(), d.expiryWarning());
  }
}
