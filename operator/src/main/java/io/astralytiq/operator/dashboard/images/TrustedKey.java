package io.astralytiq.operator.dashboard.images;

import dev.sigstore.encryption.Keys;
import dev.sigstore.encryption.signers.Verifiers;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A public key signatures may be made with.
 *
 * @param name for messages: the key's name in the Tenant
 */
public record TrustedKey(String name, PublicKey key) {

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

  public TrustedKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
  }

  /**
   * A PEM public key: cosign's {@code cosign.pub} (ECDSA P-256), or RSA ({@code PUBLIC KEY} or PKCS#1
   * {@code RSA PUBLIC KEY}); parsed with Sigstore Java's {@link Keys}, and only a kind its
   * {@link Verifiers} can verify with (sigstore-java 1.3 has no Ed25519 verifier).
   *
   * @throws IllegalArgumentException naming the key and what is wrong with it
   */
  public static TrustedKey parse(String name, String pem) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException("trusted key " + name + " is empty");
    }
    Matcher m = PEM.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException("trusted key " + name + " is not a PEM block (-----BEGIN PUBLIC KEY-----)");
    }
    String type = m.group(1);
    if (type.contains("PRIVATE")) {
      throw new IllegalArgumentException("trusted key " + name + " is a private key (" + type
          + "): give its public key (cosign.pub)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("trusted key " + name + " is not valid base64 inside its PEM block");
    }
    PublicKey key = switch (type) {
      case "PUBLIC KEY" -> subjectPublicKeyInfo(name, der);
      case "RSA PUBLIC KEY" -> parsed(name, "RSA", () -> Keys.parseRsaPkcs1(der));
      default -> throw new IllegalArgumentException("trusted key " + name + " is a PEM " + type
          + ", not a PUBLIC KEY");
    };
    try {
      Verifiers.newVerifier(key);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("trusted key " + name + " is an " + key.getAlgorithm()
          + " key, which Sigstore Java cannot verify signatures with (ECDSA P-256 or RSA)");
    }
    return new TrustedKey(name, key);
  }

  private static PublicKey subjectPublicKeyInfo(String name, byte[] der) {
    ASN1ObjectIdentifier algorithm;
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(der);
      algorithm = info.getAlgorithm().getAlgorithm();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException("trusted key " + name + " is not a DER SubjectPublicKeyInfo");
    }
    if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      if (!SECObjectIdentifiers.secp256r1.equals(info.getAlgorithm().getParameters())) {
        throw new IllegalArgumentException("trusted key " + name
            + " is an ECDSA key on another curve than P-256 (cosign's keys are P-256)");
      }
      PublicKey key = parsed(name, "ECDSA", () -> Keys.parseEcdsa(der));
      if (!(key instanceof ECPublicKey)) {
        throw new IllegalArgumentException("trusted key " + name + " is not an ECDSA public key");
      }
      return key;
    }
    if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      return parsed(name, "RSA", () -> Keys.parseRsa(der));
    }
    if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
      return parsed(name, "Ed25519", () -> Keys.parseEd25519(der));
    }
    throw new IllegalArgumentException("trusted key " + name + " is of an algorithm (" + algorithm.getId()
        + ") that is neither ECDSA, RSA nor Ed25519");
  }

  private interface KeyParser {
    PublicKey parse() throws InvalidKeySpecException;
  }

  private static PublicKey parsed(String name, String kind, KeyParser parser) {
    try {
      return parser.parse();
    } catch (InvalidKeySpecException | RuntimeException e) {
      throw new IllegalArgumentException("trusted key " + name + " is not a valid " + kind + " public key");
    }
  }

  @Override
  public String toString() {
    return "TrustedKey[" + name + ", " + key.getAlgorithm() + "]";
  }
}
