package io.astralytiq.operator.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A server certificate for a dashboard's host, its private key, and the chain a server presents (the certificate
 * first, then its CA). toString() names the certificate only, so the key never reaches a log line.
 */
public record LeafCertificate(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {

  public LeafCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
    if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
      throw new IllegalArgumentException("the chain must start with the certificate itself");
    }
  }

  public Instant notBefore() {
    return certificate.getNotBefore().toInstant();
  }

  public Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  /** When two thirds of the certificate's lifetime have passed: the time to replace it. */
  public Instant renewAt() {
    return Validity.twoThirds(certificate);
  }

  @Override
  public String toString() {
    return "LeafCertificate[" + certificate.getSubjectX500Principal().getName() + ", DNS "
        + HostNames.dnsNames(certificate) + ", valid until " + notAfter() + "]";
  }
}
