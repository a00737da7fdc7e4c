package io.astralytiq.operator.config;

import java.time.Duration;

/**
 * Lifetimes of the operator's certificates and the margins around them.
 *
 * @param caLifetime how long a CA is valid; a successor is published when two thirds of it have passed
 * @param leafLifetime how long a dashboard's certificate is valid, at most (never beyond its CA)
 * @param rotationOverlap how long a new CA is trusted before it signs, so every client has it first
 * @param clockSkew how far in the past a certificate's validity starts, for clients whose clock runs behind
 * @param expiryWarning how close to its end a user's certificate is reported as expiring soon
 */
public record TlsPolicy(
    Duration caLifetime,
    Duration leafLifetime,
    Duration rotationOverlap,
    Duration clockSkew,
    Duration expiryWarning) {

  public static final TlsPolicy DEFAULTS = new TlsPolicy(
      Duration.ofDays(365), Duration.ofDays(90), Duration.ofDays(7), Duration.ofMinutes(5), Duration.ofDays(14));

  public TlsPolicy {
    requirePositive("caLifetime", caLifetime);
    requirePositive("leafLifetime", leafLifetime);
    requirePositive("rotationOverlap", rotationOverlap);
    requirePositive("expiryWarning", expiryWarning);
    if (clockSkew == null || clockSkew.isNegative()) {
      throw new IllegalArgumentException("clockSkew must not be negative");
    }
    // The successor is published at two thirds; it must take over before the current CA runs out.
    if (rotationOverlap.compareTo(caLifetime.dividedBy(3)) >= 0) {
      throw new IllegalArgumentException("rotationOverlap " + rotationOverlap
          + " must be shorter than a third of caLifetime " + caLifetime);
    }
  }

  /**
   * How far back a CA's validity starts: the clock skew, but never more than a tenth of its life, so that a short
   * lifetime (a test's, a cautious site's) is not mostly spent before the CA is even made.
   */
  public Duration caSkew() {
    return min(clockSkew, caLifetime.dividedBy(10));
  }

  /** How far back a certificate's validity starts; as {@link #caSkew()}, for the certificate's lifetime. */
  public Duration leafSkew() {
    return min(clockSkew, leafLifetime.dividedBy(10));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
