package io.astralytiq.runtime.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which hosts a URL dataset may reach. Never loopback, link-local (where clouds serve instance metadata and
 * credentials), unspecified or multicast addresses, and none in the blocked ranges (the cluster's pod and service
 * networks, private ranges by default), unless the host is allowed by its exact name. Every address a name resolves
 * to must pass, so a name with one public and one internal address is refused.
 *
 * <p>The check resolves the name before the HTTP client does, so a DNS server that answers differently the second
 * time (DNS rebinding) could slip past it; the dashboard's egress NetworkPolicy is the layer that stops that.
 */
public final class EgressPolicy {

  /** 0.0.0.0/8 reaches this host on Linux; Java only calls 0.0.0.0 itself "any local". */
  private static final Cidr THIS_NETWORK = Cidr.parse("0.0.0.0/8");

  private final List<Cidr> blocked;
  private final Set<String> allowedHosts;
  private final Resolver resolver;

  /** Name resolution, injectable so tests can give a name any address without a DNS server. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  public EgressPolicy(List<String> blockedCidrs, List<String> allowedHosts, Resolver resolver) {
    this.blocked = blockedCidrs.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    this.allowedHosts = allowedHosts.stream().filter(s -> !s.isBlank()).map(s -> s.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    this.resolver = resolver;
  }

  public EgressPolicy(List<String> blockedCidrs, List<String> allowedHosts) {
    this(blockedCidrs, allowedHosts, InetAddress::getAllByName);
  }

  /** @throws EgressRefusedException naming the host and the reason */
  public void check(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new EgressRefusedException("only http and https URLs may be fetched, not '" + scheme + ":'");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new EgressRefusedException("the URL names no host");
    }
    if (uri.getUserInfo() != null) {
      throw new EgressRefusedException("a URL may not carry credentials (user:password@)");
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (allowedHosts.contains(name)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(name.startsWith("[") ? name.substring(1, name.length() - 1) : name);
    } catch (UnknownHostException e) {
      throw new EgressRefusedException("host " + host + " does not resolve");
    }
    for (InetAddress a : addresses) {
      String why = refusal(a);
      if (why != null) {
        throw new EgressRefusedException("host " + host + " is " + a.getHostAddress() + ", " + why
            + "; only hosts the runtime's egress configuration allows by name may be reached there");
      }
    }
  }

  private String refusal(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local address (where cloud metadata services answer)";
    }
    if (a.isAnyLocalAddress() || a.isMulticastAddress() || THIS_NETWORK.contains(a)
        || a instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) {
      return "not a unicast host address";
    }
    for (Cidr c : blocked) {
      if (c.contains(a)) {
        return "inside the blocked range " + c.text();
      }
    }
    return null;
  }
}
