package io.astralytiq.operator.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** PEM text in and out: certificates, and private keys as PKCS#8 (what kubernetes.io/tls Secrets usually hold). */
public final class Pem {

  private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  public static String certificates(List<X509Certificate> certificates) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        pem.append(block("CERTIFICATE", certificate.getEncoded()));
      } catch (CertificateException e) {
        throw new IllegalStateException("certificate cannot be encoded", e);
      }
    }
    return pem.toString();
  }

  public static String privateKey(PrivateKey key) {
    // The JDK's getEncoded() of a private key is PKCS#8, whatever the algorithm.
    return block("PRIVATE KEY", key.getEncoded());
  }

  /** Every certificate in the text, in order; an exception when there is none or one is damaged. */
  public static List<X509Certificate> parseCertificates(String pem) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certificates = new ArrayList<>();
      for (var certificate : factory.generateCertificates(
          new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new InvalidTlsDataException("no PEM certificate found");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new InvalidTlsDataException("not a PEM certificate: " + e.getMessage());
    }
  }

  /**
   * The first private key in the text: PKCS#8, or the older RSA and EC forms users' tools still write. Other blocks
   * before it are skipped (openssl ecparam puts the curve's parameters first).
   */
  public static PrivateKey parsePrivateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (object instanceof PEMKeyPair pair) {
          // The private part alone: some tools leave the public key out of an "EC PRIVATE KEY".
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new InvalidTlsDataException("the private key is encrypted; Secrets hold it unencrypted");
        }
      }
      throw new InvalidTlsDataException("no PEM private key found");
    } catch (IOException | IllegalArgumentException e) {
      // BouncyCastle's messages may quote the damaged input; say only what was expected. Never echo a key.
      throw new InvalidTlsDataException("not a PEM private key");
    }
  }

  private static String block(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
