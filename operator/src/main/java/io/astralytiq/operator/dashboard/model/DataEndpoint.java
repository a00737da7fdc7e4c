package io.astralytiq.operator.dashboard.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host and TCP port a dataset reads from, parsed from its JDBC or HTTP URL, and what a NetworkPolicy can make of
 * it: an IP address, or a Service's namespace (name.namespace.svc). Any other host name is left to the tenant's
 * egress allow-list, since a NetworkPolicy matches addresses, not names, and the operator resolves none.
 *
 * @param host the host as written, without brackets for IPv6
 * @param port the port, the scheme's default when the URL names none
 */
record DataEndpoint(String host, int port) {

  private static final Map<String, Integer> DEFAULT_PORTS = Map.of("postgresql", 5432, "http", 80, "https", 443);
  private static final Pattern SCHEME_AUTHORITY = Pattern.compile("^(?:jdbc:)?([a-z0-9]+)://([^/?#;]*)");
  private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d"
      + "|1\\d\\d|[1-9]?\\d)){3}$");
  private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$");
  private static final Pattern LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern SERVICE = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\.([a-z0-9]([-a-z0-9]*"
      + "[a-z0-9])?)\\.svc(\\..+)?$");

  /** The endpoints of a URL, several for a JDBC URL that lists fail-over hosts; none when it names no host. */
  static List<DataEndpoint> of(String url) {
    Matcher matcher = SCHEME_AUTHORITY.matcher(url.toLowerCase(Locale.ROOT));
    if (!matcher.find()) {
      return List.of();
    }
    Integer defaultPort = DEFAULT_PORTS.get(matcher.group(1));
    String authority = matcher.group(2).substring(matcher.group(2).lastIndexOf('@') + 1);
    List<DataEndpoint> endpoints = new ArrayList<>();
    for (String hostPort : authority.split(",")) {
      parse(hostPort, defaultPort).ifPresent(endpoints::add);
    }
    return List.copyOf(endpoints);
  }

  private static Optional<DataEndpoint> parse(String hostPort, Integer defaultPort) {
    String host;
    String port;
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      if (end < 0) {
        return Optional.empty();
      }
      host = hostPort.substring(1, end);
      port = hostPort.length() > end + 2 && hostPort.charAt(end + 1) == ':' ? hostPort.substring(end + 2) : null;
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    try {
      int number = port == null || port.isEmpty() ? (defaultPort == null ? -1 : defaultPort) : Integer.parseInt(port);
      return host.isEmpty() || number < 1 || number > 65535 ? Optional.empty()
          : Optional.of(new DataEndpoint(host, number));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The address as a single-address CIDR, when the host is an IP literal a dashboard may be let through to: never
   * loopback, link-local (where clouds serve instance metadata) or the unspecified address.
   */
  Optional<String> cidr() {
    boolean v4 = IPV4.matcher(host).matches();
    if (!v4 && !IPV6.matcher(host).matches()) {
      return Optional.empty();
    }
    try {
      // A literal only (checked above), so this parses and never asks DNS.
      InetAddress address = InetAddress.getByName(host);
      if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()) {
        return Optional.empty();
      }
      return Optional.of(v4 ? address.getHostAddress() + "/32" : canonical(address.getAddress()) + "/128");
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /**
   * An IPv6 address as RFC 5952 writes it (lowercase, no leading zeros, the longest run of zero groups as "::"),
   * the form the API server keeps, so the policy the operator applies reads back the same.
   */
  private static String canonical(byte[] bytes) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int length = 0;
      while (i + length < 8 && groups[i + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = i;
        bestLength = length;
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
      } else {
        text.append(text.length() == 0 || text.charAt(text.length() - 1) == ':' ? "" : ":")
            .append(Integer.toHexString(groups[i]));
      }
    }
    return text.toString();
  }

  /**
   * The namespace of the Service the host names, if it names one: orders-db.data.svc (or ...svc.cluster.local) is
   * in namespace data, a bare orders-db in the dashboard's own. A two-label name could as well be a domain.
   */
  Optional<String> serviceNamespace(String ownNamespace) {
    if (LABEL.matcher(host).matches()) {
      return Optional.of(ownNamespace);
    }
    Matcher matcher = SERVICE.matcher(host);
    return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
  }
}
