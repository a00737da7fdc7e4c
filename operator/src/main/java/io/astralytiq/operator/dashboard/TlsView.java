package io.astralytiq.operator.dashboard;

/**
 * What the status says of the certificate the ingress serves: the TLSReady condition and, when known, when the
 * certificate expires.
 *
 * @param notAfter the certificate's expiry (RFC 3339), or null when unknown
 */
record TlsView(boolean ready, String reason, String message, String notAfter) {

  static TlsView notReady(String reason, String message) {
    return new TlsView(false, reason, message, null);
  }
}
