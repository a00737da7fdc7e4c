package io.astralytiq.operator.dashboard.tls;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.common.Outcome;
import java.time.Instant;

/**
 * What the TLS feature found of the certificate the ingress serves: the TLSReady outcome and, when known, when the
 * certificate expires.
 *
 * @param tlsReady the TLSReady condition, with when to look again (Secrets are not watched; certificates age)
 * @param notAfter the certificate's expiry (RFC 3339), or null when unknown
 */
public record TlsOutcome(Outcome tlsReady, String notAfter) {

  static TlsOutcome of(boolean ready, String reason, String message, String notAfter, Instant recheckAt) {
    return new TlsOutcome(new Outcome(DashboardConditions.TLS_READY, ready, reason, message, recheckAt), notAfter);
  }

  static TlsOutcome notReady(String reason, String message) {
    return of(false, reason, message, null, null);
  }
}
