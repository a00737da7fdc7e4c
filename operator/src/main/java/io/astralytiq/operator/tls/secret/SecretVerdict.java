package io.astralytiq.operator.tls.secret;

import java.time.Instant;
import java.util.Optional;

/**
 * What is wrong, if anything, with the TLS Secret a user provides for a dashboard.
 *
 * @param severity whether the Secret can be served
 * @param reason a CamelCase reason for the TLSReady condition and the Event
 * @param message what was found and what to do, for people
 * @param notAfter the certificate's end of validity, for the status; empty when it could not be read
 */
public record SecretVerdict(Severity severity, String reason, String message, Optional<Instant> notAfter) {

  public static final String VALID = "SecretValid";
  public static final String WRONG_TYPE = "SecretWrongType";
  public static final String INVALID = "SecretInvalid";
  public static final String HOST_NOT_COVERED = "HostNotCovered";
  public static final String EXPIRED = "CertificateExpired";
  public static final String EXPIRING_SOON = "CertificateExpiringSoon";

  /** OK and WARNING Secrets can be served; a WARNING needs attention soon. ERROR Secrets cannot be served. */
  public enum Severity { OK, WARNING, ERROR }

  static SecretVerdict ok(String message, Instant notAfter) {
    return new SecretVerdict(Severity.OK, VALID, message, Optional.of(notAfter));
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
