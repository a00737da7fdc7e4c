package io.astralytiq.operator.tls.secret;

import static io.astralytiq.api.v1alpha1.DashboardConditions.REASON_CERTIFICATE_EXPIRED;
import static io.astralytiq.api.v1alpha1.DashboardConditions.REASON_CERTIFICATE_EXPIRING_SOON;
import static io.astralytiq.api.v1alpha1.DashboardConditions.REASON_HOST_NOT_COVERED;
import static io.astralytiq.api.v1alpha1.DashboardConditions.REASON_SECRET_INVALID;
import static io.astralytiq.api.v1alpha1.DashboardConditions.REASON_SECRET_WRONG_TYPE;

import io.astralytiq.operator.tls.HostNames;
import io.astralytiq.operator.tls.InvalidTlsDataException;
import io.astralytiq.operator.tls.LeafCertificate;
import io.astralytiq.operator.tls.leaf.LeafSecretData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the kubernetes.io/tls Secret a user names for a dashboard (tls.mode Secret), in the order a user would
 * fix things: the Secret's type, its content, the host it covers, then its validity. Pure: Secret data, host and
 * the injected clock decide. A missing Secret is the caller's to report.
 */
public final class SecretCheck {

  private final Clock clock;
  private final Duration expiryWarning;

  public SecretCheck(Clock clock, Duration expiryWarning) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.expiryWarning = Objects.requireNonNull(expiryWarning, "expiryWarning");
  }

  /** From the Secret's type and data as stored ({@code Secret.getType()}, {@code Secret.getData()}). */
  /** How close to its end a certificate is reported as expiring soon. */
  public Duration expiryWarning() {
    return expiryWarning;
  }

  public SecretVerdict check(String type, Map<String, String> data, String host) {
    if (!LeafSecretData.TYPE.equals(type)) {
      return SecretVerdict.error(REASON_SECRET_WRONG_TYPE, "the Secret is of type " + (type == null ? "Opaque" : type)
          + ", not " + LeafSecretData.TYPE + " (kubectl create secret tls)", null);
    }
    LeafCertificate leaf;
    try {
      leaf = LeafSecretData.read(data);
    } catch (InvalidTlsDataException e) {
      return SecretVerdict.error(REASON_SECRET_INVALID, "the Secret cannot be used: " + e.getMessage(), null);
    }
    Instant notBefore = leaf.notBefore();
    Instant notAfter = leaf.notAfter();
    if (!HostNames.covers(leaf.certificate(), host)) {
      return SecretVerdict.error(REASON_HOST_NOT_COVERED, "the certificate is for "
          + describeNames(leaf) + ", not for the dashboard's host " + host, notAfter);
    }
    Instant now = clock.instant();
    if (!now.isBefore(notAfter)) {
      return SecretVerdict.error(REASON_CERTIFICATE_EXPIRED, "the certificate expired at " + notAfter
          + ": put a renewed one in the Secret", notAfter);
    }
    if (now.isBefore(notBefore)) {
      return SecretVerdict.error(REASON_CERTIFICATE_EXPIRED, "the certificate is not valid before " + notBefore,
          notAfter);
    }
    Duration left = Duration.between(now, notAfter);
    if (left.compareTo(expiryWarning) < 0) {
      return SecretVerdict.warning(REASON_CERTIFICATE_EXPIRING_SOON, "the certificate is served but expires at "
          + notAfter + " (" + inDays(left) + "): replace it", notAfter);
    }
    return SecretVerdict.ok("the certificate covers " + host + " and is valid until " + notAfter, notAfter);
  }

  private static String inDays(Duration left) {
    long days = left.toDays();
    return days == 0 ? "in less than a day" : days == 1 ? "in 1 day" : "in " + days + " days";
  }

  private static String describeNames(LeafCertificate leaf) {
    var names = HostNames.dnsNames(leaf.certificate());
    // Browsers ignore the common name; say so, because it is the usual surprise.
    return names.isEmpty() ? "no DNS name (it has no subjectAltName; the common name does not count)"
        : String.join(", ", names);
  }
}
