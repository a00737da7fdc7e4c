package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** A network, by address, that every dashboard of the tenant may connect to on the given ports. */
public class EgressDestination {

  @JsonPropertyDescription("The network, as an IPv4 or IPv6 CIDR such as 203.0.113.0/24 or 198.18.0.1/32. A"
      + " NetworkPolicy matches addresses, not host names: name a database or web server by its addresses.")
  @Required
  @Size(min = 1, max = 43)
  @ValidationRule(value = "isCIDR(self)", message = "cidr must be an address range such as 203.0.113.0/24")
  @ValidationRule(value = "!isCIDR(self) || string(cidr(self).masked()) == self",
      message = "cidr must be written as its network address in canonical form: the bits past the prefix length"
          + " zero, IPv6 in lowercase and shortest form, as in 203.0.113.0/24 or 2001:db8::/32")
  private String cidr;

  @JsonPropertyDescription("The ports dashboards may connect to there; at least one.")
  @Required
  @Size(min = 1, max = 16)
  private List<EgressPort> ports = new ArrayList<>();

  public String getCidr() {
    return cidr;
  }

  public void setCidr(String cidr) {
    this.cidr = cidr;
  }

  public List<EgressPort> getPorts() {
    return ports;
  }

  public void setPorts(List<EgressPort> ports) {
    this.ports = ports;
  }
}
