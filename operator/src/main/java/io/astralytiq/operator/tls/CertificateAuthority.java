package io.astralytiq.operator.tls;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A CA the operator can sign with: its certificate and private key. toString() names the certificate only, so the
 * key never reaches a log line.
 */
public record CertificateAuthority(X509Certificate certificate, PrivateKey key) {

  public CertificateAuthority {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(key, "key");
  }

  public Instant notBefore() {
    return certificate.getNotBefore().toInstant();
  }

  public Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  /** When two thirds of the CA's lifetime have passed: the time to publish its successor. */
  public Instant successorDueAt() {
    return Validity.twoThirds(certificate);
  }

  public String subject() {
    return certificate.getSubjectX500Principal().getName();
  }

  /** Whether this CA signed the certificate: same issuer name, and the signature verifies with this CA's key. */
  public boolean signed(X509Certificate issued) {
    if (!issued.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
      return false;
    }
    try {
      issued.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "CertificateAuthority[" + subject() + ", serial " + certificate.getSerialNumber().toString(16)
        + ", valid until " + notAfter() + "]";
  }
}
