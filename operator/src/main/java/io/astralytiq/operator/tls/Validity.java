package io.astralytiq.operator.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/** Points in a certificate's validity period that decisions are taken at. */
public final class Validity {

  private Validity() {}

  /**
   * Two thirds into the validity period. Replacing a certificate then leaves a third of its life (a month of a
   * 90-day certificate) to notice and fix a failing renewal before anyone sees an expired certificate.
   */
  static Instant twoThirds(X509Certificate certificate) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    Duration lifetime = Duration.between(notBefore, certificate.getNotAfter().toInstant());
    return notBefore.plus(lifetime.multipliedBy(2).dividedBy(3));
  }

  public static boolean expiredAt(X509Certificate certificate, Instant now) {
    return !now.isBefore(certificate.getNotAfter().toInstant());
  }
}
