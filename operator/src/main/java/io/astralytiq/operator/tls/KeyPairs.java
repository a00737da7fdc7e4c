package io.astralytiq.operator.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/** Key generation for the operator's certificates, and the check that a user's key belongs to its certificate. */
public final class KeyPairs {

  private static final byte[] PROBE = "astralytiq key match probe".getBytes(StandardCharsets.US_ASCII);

  private KeyPairs() {}

  /** EC P-256: fast to generate on every renewal, and accepted by every current TLS client. */
  static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available in this JDK", e);
    }
  }

  /**
   * Whether the private key is the partner of the public key: a signature made with one must verify with the
   * other. Keys of an algorithm not known here are given the benefit of the doubt.
   */
  public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    if (!family(privateKey).equals(family(publicKey))) {
      return false;
    }
    String algorithm = switch (family(privateKey)) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "EdDSA" -> "EdDSA";
      default -> null;
    };
    if (algorithm == null) {
      return true;
    }
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * A key's algorithm by family: providers name the same keys differently. Once BouncyCastle is a registered
   * provider (Sigstore Java registers it when it first parses a key), BouncyCastle's PEM converter makes "ECDSA" keys
   * where the JDK's certificates hold "EC" ones.
   */
  private static String family(Key key) {
    return switch (key.getAlgorithm()) {
      case "EC", "ECDSA" -> "EC";
      case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
      default -> key.getAlgorithm();
    };
  }
}
