package io.astralytiq.operator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.operator.config.TlsPolicy;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

/** Private keys in the PEM forms users' tools write, and the ones a Secret cannot use. */
class PemTest {

  /** What {@code openssl ecparam -name prime256v1 -genkey} writes before the key. */
  private static final String EC_PARAMETERS =
      "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";

  private final KeyPair keys = KeyPairs.generate(new SecureRandom());

  @Test
  void aPkcs8KeyComesBackAsItWasWritten() {
    String pem = Pem.privateKey(keys.getPrivate());

    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Pem.parsePrivateKey(pem).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
  }

  @Test
  void aTraditionalEcKeyAfterItsCurveParametersIsRead() throws Exception {
    var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ((ECPrivateKey) keys.getPrivate()).getS(),
        SECObjectIdentifiers.secp256r1);
    String pem = EC_PARAMETERS + block("EC PRIVATE KEY", "", sec1.getEncoded());

    assertThat(KeyPairs.matches(Pem.parsePrivateKey(pem), keys.getPublic())).isTrue();
  }

  @Test
  void aKeyReadOnceBouncyCastleIsARegisteredProviderStillBelongsToItsJdkPublicKey() {
    // What the operator's process looks like after its first image verification: Sigstore Java registers
    // BouncyCastle, whose PEM converter then makes ECDSA keys, while certificates hold the JDK's EC keys.
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
    PrivateKey read = Pem.parsePrivateKey(Pem.privateKey(keys.getPrivate()));

    assertThat(KeyPairs.matches(read, keys.getPublic())).as(read.getAlgorithm() + " key, "
        + keys.getPublic().getAlgorithm() + " public key").isTrue();
    assertThat(KeyPairs.matches(read, KeyPairs.generate(new SecureRandom()).getPublic())).isFalse();
  }

  @Test
  void anRsaKeyInTheTraditionalFormIsRead() throws Exception {
    KeyPair rsa = UserCertificates.rsaKeys();
    String pem = write(rsa);

    assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(KeyPairs.matches(Pem.parsePrivateKey(pem), rsa.getPublic())).isTrue();
  }

  @Test
  void anEncryptedKeyIsRefusedWithTheReason() {
    String pem = block("RSA PRIVATE KEY", "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,"
        + "00112233445566778899AABBCCDDEEFF\n\n", new byte[48]);

    assertThatThrownBy(() -> Pem.parsePrivateKey(pem)).isInstanceOf(InvalidTlsDataException.class)
        .hasMessageContaining("encrypted");
  }

  @Test
  void aCertificateIsNoKey() {
    CertificateAuthority ca = new CertificateIssuer(Clock.systemUTC(), TlsPolicy.DEFAULTS).newCa();
    String pem = Pem.certificates(List.of(ca.certificate()));

    assertThatThrownBy(() -> Pem.parsePrivateKey(pem)).hasMessage("no PEM private key found");
  }

  @Test
  void damagedPemIsRefusedWithoutQuotingIt() {
    String damaged = "-----BEGIN PRIVATE KEY-----\nAAAAsecretish\n-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> Pem.parsePrivateKey(damaged)).isInstanceOf(InvalidTlsDataException.class)
        .message().doesNotContain("secretish");
  }

  private static String block(String type, String headers, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + headers + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static String write(Object object) throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }
}
