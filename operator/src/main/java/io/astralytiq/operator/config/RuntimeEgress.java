package io.astralytiq.operator.config;

import io.astralytiq.api.runtime.RuntimeContract;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where dashboard-runtime's URL datasets may not connect, handed to every pod of the default runtime: the runtime
 * refuses a URL whose host resolves into one of these ranges unless the host is allowed by name. Loopback and
 * link-local are refused whatever these say.
 *
 * @param clusterCidrs the cluster's pod and Service ranges (and any other network of its own, such as the nodes');
 *     empty means every private range, the runtime's own default ({@link RuntimeContract#PRIVATE_RANGES})
 * @param allowedHosts host names URL datasets may reach even inside those ranges, lowercase
 */
public record RuntimeEgress(List<String> clusterCidrs, List<String> allowedHosts) {

  private static final Pattern CIDR = Pattern.compile("^([0-9a-f:.]+)/(\\d{1,3})$");
  private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
  private static final Pattern IPV6 = Pattern.compile("^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$");
  private static final Pattern HOST = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*"
      + "[a-z0-9])?)*$");

  public RuntimeEgress {
    clusterCidrs = clusterCidrs.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    clusterCidrs.stream().filter(c -> !isCidr(c)).findFirst().ifPresent(c -> {
      throw new IllegalArgumentException("CLUSTER_CIDRS must be address ranges such as 10.244.0.0/16 or fd00::/108,"
          + " separated by commas, not '" + c + "'");
    });
    allowedHosts.stream().filter(h -> !HOST.matcher(h).matches()).findFirst().ifPresent(h -> {
      throw new IllegalArgumentException("EGRESS_ALLOWED_HOSTS must be host names such as data.example.com,"
          + " separated by commas, not '" + h + "'");
    });
  }

  /** The ranges the runtime refuses: the cluster's, or every private range when none are configured. */
  public List<String> blockedCidrs() {
    return clusterCidrs.isEmpty() ? RuntimeContract.PRIVATE_RANGES : clusterCidrs;
  }

  /** An address range written as an IP literal and a prefix its family can have; never a name to look up. */
  private static boolean isCidr(String text) {
    Matcher cidr = CIDR.matcher(text);
    if (!cidr.matches()) {
      return false;
    }
    int prefix = Integer.parseInt(cidr.group(2));
    Matcher v4 = IPV4.matcher(cidr.group(1));
    if (v4.matches()) {
      for (int octet = 1; octet <= 4; octet++) {
        if (Integer.parseInt(v4.group(octet)) > 255) {
          return false;
        }
      }
      return prefix <= 32;
    }
    String address = cidr.group(1);
    long colons = address.chars().filter(c -> c == ':').count();
    boolean groups = address.contains("::") ? address.indexOf("::") == address.lastIndexOf("::") : colons == 7;
    return IPV6.matcher(address).matches() && groups && prefix <= 128;
  }
}
