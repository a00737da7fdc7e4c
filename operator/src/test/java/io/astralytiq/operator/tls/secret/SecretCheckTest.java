package io.astralytiq.operator.tls.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.testing.MutableClock;
import io.astralytiq.operator.tls.CertificateAuthority;
import io.astralytiq.operator.tls.CertificateIssuer;
import io.astralytiq.operator.tls.SecretData;
import io.astralytiq.operator.tls.UserCertificates;
import io.astralytiq.operator.tls.ca.CaBundle;
import io.astralytiq.operator.tls.leaf.LeafSecretData;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Secret a user provides for a dashboard: every way it can be wrong, and how it is reported. */
class SecretCheckTest {

  private static final String HOST = "sales.example.test";
  private static final String TLS = LeafSecretData.TYPE;
  private static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");
  private static final Instant LATER = NOW.plus(Duration.ofDays(60));

  private static KeyPair keys;
  private final SecretCheck check = new SecretCheck(new MutableClock(NOW), Duration.ofDays(14));

  @BeforeAll
  static void generateKeys() throws Exception {
    keys = UserCertificates.rsaKeys();
  }

  @Test
  void aCurrentCertificateForTheHostIsValid() throws Exception {
    SecretVerdict verdict = check.check(TLS, data(List.of(HOST), NOW.minusSeconds(60), LATER), HOST);

    assertThat(verdict.severity()).isEqualTo(SecretVerdict.Severity.OK);
    assertThat(verdict.reason()).isEqualTo("SecretValid");
    assertThat(verdict.notAfter()).contains(LATER);
  }

  @Test
  void anOpaqueSecretHasTheWrongType() throws Exception {
    SecretVerdict verdict = check.check("Opaque", data(List.of(HOST), NOW, LATER), HOST);

    assertThat(verdict.reason()).isEqualTo("SecretWrongType");
    assertThat(verdict.message()).contains("Opaque").contains("kubernetes.io/tls");
    assertThat(verdict.usable()).isFalse();
  }

  @Test
  void aMissingKeyMakesTheSecretInvalid() throws Exception {
    Map<String, String> data = new HashMap<>(data(List.of(HOST), NOW, LATER));
    data.remove(LeafSecretData.KEY);

    SecretVerdict verdict = check.check(TLS, data, HOST);

    assertThat(verdict.reason()).isEqualTo("SecretInvalid");
    assertThat(verdict.message()).contains("tls.key is missing");
  }

  @Test
  void aDamagedCertificateMakesTheSecretInvalid() throws Exception {
    Map<String, String> data = new HashMap<>(data(List.of(HOST), NOW, LATER));
    data.put(LeafSecretData.CERT, SecretData.encode("not a certificate"));

    SecretVerdict verdict = check.check(TLS, data, HOST);

    assertThat(verdict.reason()).isEqualTo("SecretInvalid");
    assertThat(verdict.message()).contains("tls.crt");
  }

  @Test
  void aKeyOfAnotherCertificateMakesTheSecretInvalid() throws Exception {
    Map<String, String> data = new HashMap<>(data(List.of(HOST), NOW, LATER));
    data.put(LeafSecretData.KEY, UserCertificates.secretData(UserCertificates.rsaKeys(), List.of(HOST), NOW, LATER)
        .get(LeafSecretData.KEY));

    SecretVerdict verdict = check.check(TLS, data, HOST);

    assertThat(verdict.reason()).isEqualTo("SecretInvalid");
    assertThat(verdict.message()).contains("tls.key does not belong to the certificate in tls.crt");
  }

  @Test
  void aCertificateForOtherNamesDoesNotCoverTheHost() throws Exception {
    SecretVerdict verdict = check.check(TLS, data(List.of("www.example.test", "*.other.test"), NOW, LATER), HOST);

    assertThat(verdict.reason()).isEqualTo("HostNotCovered");
    assertThat(verdict.message()).contains("www.example.test, *.other.test").contains(HOST);
    assertThat(verdict.notAfter()).contains(LATER);
  }

  @Test
  void theCommonNameAloneDoesNotCoverTheHost() throws Exception {
    SecretVerdict verdict = check.check(TLS, data(List.of(), NOW, LATER), HOST);

    assertThat(verdict.reason()).isEqualTo("HostNotCovered");
    assertThat(verdict.message()).contains("subjectAltName");
  }

  @Test
  void aWildcardCoversTheHostWhateverItsCase() throws Exception {
    SecretVerdict verdict = check.check(TLS, data(List.of("*.EXAMPLE.test"), NOW, LATER), "Sales.Example.TEST");

    assertThat(verdict.reason()).isEqualTo("SecretValid");
  }

  @Test
  void anExpiredCertificateIsReportedWithItsEnd() throws Exception {
    Instant ended = NOW.minusSeconds(1);
    SecretVerdict verdict = check.check(TLS, data(List.of(HOST), NOW.minus(Duration.ofDays(90)), ended), HOST);

    assertThat(verdict.reason()).isEqualTo("CertificateExpired");
    assertThat(verdict.message()).contains("expired at " + ended);
    assertThat(verdict.notAfter()).contains(ended);
  }

  @Test
  void aCertificateNotYetValidIsReportedAsExpired() throws Exception {
    Instant starts = NOW.plus(Duration.ofDays(1));
    SecretVerdict verdict = check.check(TLS, data(List.of(HOST), starts, LATER), HOST);

    assertThat(verdict.reason()).isEqualTo("CertificateExpired");
    assertThat(verdict.message()).contains("not valid before " + starts);
  }

  @Test
  void aCertificateEndingWithinTheThresholdIsServedWithAWarning() throws Exception {
    Instant ends = NOW.plus(Duration.ofDays(3));
    SecretVerdict verdict = check.check(TLS, data(List.of(HOST), NOW, ends), HOST);

    assertThat(verdict.reason()).isEqualTo("CertificateExpiringSoon");
    assertThat(verdict.severity()).isEqualTo(SecretVerdict.Severity.WARNING);
    assertThat(verdict.usable()).isTrue();
    assertThat(verdict.message()).contains("served").contains("in 3 days").contains(ends.toString());
  }

  @Test
  void theThresholdIsConfigurable() throws Exception {
    SecretCheck strict = new SecretCheck(new MutableClock(NOW), Duration.ofDays(90));

    assertThat(strict.check(TLS, data(List.of(HOST), NOW, LATER), HOST).reason())
        .isEqualTo("CertificateExpiringSoon");
  }

  @Test
  void anOperatorIssuedPkcs8SecretIsValidToo() {
    CertificateIssuer issuer = new CertificateIssuer(new MutableClock(NOW), TlsPolicy.DEFAULTS);
    CertificateAuthority ca = issuer.newCa();

    SecretVerdict verdict = check.check(TLS, LeafSecretData.toData(issuer.issue(ca, HOST), CaBundle.of(ca)), HOST);

    assertThat(verdict.reason()).isEqualTo("SecretValid");
  }

  private static Map<String, String> data(List<String> names, Instant notBefore, Instant notAfter)
      throws Exception {
    return UserCertificates.secretData(keys, names, notBefore, notAfter);
  }
}
