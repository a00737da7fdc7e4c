package io.astralytiq.operator.tls.secret;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import java.time.Instant;
import java.util.Optional;

/**
 * What is wrong, if anything, with the TLS Secret a user provides for a dashboard.
 *
 * @param severity whether the Secret can be served
 * @param reason the TLSReady condition's reason (and the Event's): one of DashboardConditions' for tls.mode Secret
 * @param message what was found and what to do, for people
 * @param notAfter the certificate's end of validity, for the status; empty when it could not be read
 */
public record SecretVerdict(Severity severity, String reason, String message, Optional<Instant> notAfter) {

  /** OK and WARNING Secrets can be served; a WARNING needs attention soon. ERROR Secrets cannot be served. */
  public enum Severity { OK, WARNING, ERROR }

  static SecretVerdict ok(String message, Instant notAfter) {
    return new SecretVerdict(Severity.OK, DashboardConditions.REASON_SECRET_VALID, message, Optional.of(notAfter));
  }

  static SecretVerdict warning(String reason, String message, Instant notAfter) {
    return new SecretVerdict(Severity.WARNING, reason, message, Optional.of(notAfter));
  }

  static SecretVerdict error(String reason, String message, Instant notAfter) {
    return new SecretVerdict(Severity.ERROR, reason, message, Optional.ofNullable(notAfter));
  }

  /** Whether the ingress can serve the certificate (valid now, perhaps not for long). */
  public boolean usable() {
    return severity != Severity.ERROR;
  }
}
