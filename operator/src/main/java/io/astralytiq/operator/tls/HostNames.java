package io.astralytiq.operator.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Whether a certificate covers a host name, as browsers decide it: only the DNS subject alternative names count
 * (the common name is ignored), and a wildcard stands for exactly one leftmost label.
 */
public final class HostNames {

  /** The GeneralName tag of a dNSName in a subjectAltName extension (RFC 5280). */
  private static final int DNS_NAME = 2;

  private HostNames() {}

  public static boolean covers(X509Certificate certificate, String host) {
    return dnsNames(certificate).stream().anyMatch(name -> matches(name, host));
  }

  /** The DNS names a certificate is for; empty when it has none or they cannot be read. */
  public static List<String> dnsNames(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> alternative : alternatives) {
          if (alternative.size() >= 2 && Integer.valueOf(DNS_NAME).equals(alternative.get(0))) {
            names.add(String.valueOf(alternative.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      return List.of();
    }
    return names;
  }

  /** "*.example.com" matches "a.example.com" but neither "example.com" nor "a.b.example.com". */
  static boolean matches(String pattern, String host) {
    String p = normalize(pattern);
    String h = normalize(host);
    if (p.isEmpty() || h.isEmpty()) {
      return false;
    }
    if (!p.startsWith("*.")) {
      return p.equals(h);
    }
    int firstDot = h.indexOf('.');
    return firstDot > 0 && h.substring(firstDot).equals(p.substring(1));
  }

  /** DNS names compare without case and without the root's trailing dot. */
  private static String normalize(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
