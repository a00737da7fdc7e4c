package io.astralytiq.operator.dashboard.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TrustedKeyTest {

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static KeyPair generate(String algorithm, ECGenParameterSpec curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (curve != null) {
      generator.initialize(curve);
    }
    return generator.generateKeyPair();
  }

  @Test
  void cosignsPublicKeyIsEcdsaP256() {
    TrustedKey key = TrustedKey.parse("release", Recorded.text("trusted.pub"));

    assertThat(key.name()).isEqualTo("release");
    assertThat(key.key().getAlgorithm()).isIn("EC", "ECDSA");
  }

  @Test
  void anRsaKeyIsAccepted() throws Exception {
    KeyPair rsa = generate("RSA", null);

    assertThat(TrustedKey.parse("rsa", pem("PUBLIC KEY", rsa.getPublic().getEncoded())).key().getAlgorithm())
        .isEqualTo("RSA");
  }

  @Test
  void anEd25519KeyIsRefusedBecauseSigstoreJavaCannotVerifyWithIt() throws Exception {
    KeyPair ed = generate("Ed25519", null);

    assertThatThrownBy(() -> TrustedKey.parse("edwards", pem("PUBLIC KEY", ed.getPublic().getEncoded())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusted key edwards")
        .hasMessageContaining("Sigstore Java cannot verify");
  }

  @Test
  void anEcdsaKeyOnAnotherCurveIsRefused() throws Exception {
    KeyPair p384 = generate("EC", new ECGenParameterSpec("secp384r1"));

    assertThatThrownBy(() -> TrustedKey.parse("big", pem("PUBLIC KEY", p384.getPublic().getEncoded())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusted key big")
        .hasMessageContaining("P-256");
  }

  @Test
  void aPrivateKeyIsRefusedWithoutQuotingIt() throws Exception {
    KeyPair ec = generate("EC", new ECGenParameterSpec("secp256r1"));
    String secret = pem("PRIVATE KEY", ec.getPrivate().getEncoded());

    assertThatThrownBy(() -> TrustedKey.parse("oops", secret)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trusted key oops is a private key").hasMessageNotContaining(secret.split("\n")[1]);
  }

  @Test
  void textThatIsNoKeyIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> TrustedKey.parse("empty", " ")).hasMessage("trusted key empty is empty");
    assertThatThrownBy(() -> TrustedKey.parse("prose", "my key"))
        .hasMessageContaining("trusted key prose is not a PEM");
    assertThatThrownBy(() -> TrustedKey.parse("junk", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusted key junk");
    assertThatThrownBy(() -> TrustedKey.parse("cert", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
        .hasMessageContaining("trusted key cert is a PEM CERTIFICATE");
  }
}
