package io.astralytiq.operator.tls;

import io.astralytiq.operator.tls.leaf.LeafSecretData;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates as users bring them in their own Secrets: self-signed, RSA, with the names and dates a test needs,
 * and the key in the traditional "RSA PRIVATE KEY" form older openssl writes.
 */
public final class UserCertificates {

  private UserCertificates() {}

  public static KeyPair rsaKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** kubernetes.io/tls Secret data for a certificate of the given DNS names (none: common name only). */
  public static Map<String, String> secretData(KeyPair keys, List<String> dnsNames, Instant notBefore, Instant notAfter)
      throws Exception {
    X509Certificate certificate = certificate(keys, dnsNames, notBefore, notAfter);
    return Map.of(LeafSecretData.CERT, SecretData.encode(Pem.certificates(List.of(certificate))),
        LeafSecretData.KEY, SecretData.encode(traditionalPem(keys)));
  }

  static X509Certificate certificate(KeyPair keys, List<String> dnsNames, Instant notBefore, Instant notAfter)
      throws Exception {
    X500Principal name = new X500Principal("CN=" + (dnsNames.isEmpty() ? "sales.example.test" : dnsNames.get(0)));
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(42),
        Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
    if (!dnsNames.isEmpty()) {
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
          .map(dns -> new GeneralName(GeneralName.dNSName, dns)).toArray(GeneralName[]::new)));
    }
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
  }

  private static String traditionalPem(KeyPair keys) throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(keys);
    }
    return text.toString();
  }
}
