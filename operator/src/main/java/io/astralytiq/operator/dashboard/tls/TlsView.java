package io.astralytiq.operator.dashboard.tls;

import java.time.Instant;

/**
 * What the status says of the certificate the ingress serves: the TLSReady condition and, when known, when the
 * certificate expires.
 *
 * @param notAfter the certificate's expiry (RFC 3339), or null when unknown
 * @param recheckAt when to look again though nothing watched changed (Secrets are not watched; certificates age),
 *     or null
 */
public record TlsView(boolean ready, String reason, String message, String notAfter, Instant recheckAt) {

  static TlsView notReady(String reason, String message) {
    return new TlsView(false, reason, message, null, null);
  }
}
