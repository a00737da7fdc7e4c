package io.astralytiq.operator.tls;

import io.astralytiq.operator.config.TlsPolicy;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates the operator's CAs and the server certificates they sign, with validity taken from the injected clock
 * and the policy. BouncyCastle builds the certificates; the JDK's own providers generate keys and sign, so no
 * security provider is registered process-wide.
 */
public final class CertificateIssuer {

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final DateTimeFormatter CA_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final TlsPolicy policy;
  private final SecureRandom random;

  public CertificateIssuer(Clock clock, TlsPolicy policy) {
    this(clock, policy, new SecureRandom());
  }

  CertificateIssuer(Clock clock, TlsPolicy policy, SecureRandom random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A self-signed CA that may sign server certificates only (path length 0), valid for the policy's CA lifetime. */
  public CertificateAuthority newCa() {
    Instant now = now();
    KeyPair keys = KeyPairs.generate(random);
    X500Principal subject = new X500Principal("CN=AstralytiQ operator CA " + CA_DATE.format(now) + ", O=AstralytiQ");
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
        Date.from(now.minus(policy.caSkew())), Date.from(now.plus(policy.caLifetime())), subject, keys.getPublic());
    try {
      JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(keys.getPublic()));
    } catch (CertIOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("CA extensions cannot be encoded", e);
    }
    return new CertificateAuthority(sign(builder, keys.getPrivate()), keys.getPrivate());
  }

  /**
   * A server certificate for one host, signed by the CA. Its validity starts a little in the past, for clients
   * whose clock runs behind, and never outlasts the CA: a chain is only as valid as its shortest link.
   */
  public LeafCertificate issue(CertificateAuthority ca, String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("a host name is needed");
    }
    Instant now = now();
    Instant notAfter = earliest(now.plus(policy.leafLifetime()), ca.notAfter());
    KeyPair keys = KeyPairs.generate(random);
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate().getSubjectX500Principal(),
        serial(), Date.from(now.minus(policy.leafSkew())), Date.from(notAfter), new X500Principal("CN=" + host),
        keys.getPublic());
    try {
      JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
      PublicKey caKey = ca.certificate().getPublicKey();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          // What cert-manager puts in a server certificate by default; ECDHE needs only digitalSignature.
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false,
              new GeneralNames(new GeneralName(GeneralName.dNSName, host)))
          .addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(keys.getPublic()))
          .addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(caKey));
    } catch (CertIOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("certificate extensions cannot be encoded", e);
    }
    X509Certificate certificate = sign(builder, ca.key());
    return new LeafCertificate(certificate, keys.getPrivate(), List.of(certificate, ca.certificate()));
  }

  /** X.509 keeps whole seconds; truncating here keeps the certificate's dates equal to the ones computed. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  /** Random and positive, as RFC 5280 asks: unpredictable serials keep two certificates from ever colliding. */
  private BigInteger serial() {
    return new BigInteger(127, random).add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key)));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException("certificate cannot be signed", e);
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
