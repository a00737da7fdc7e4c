package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the tenant's dashboards may connect to, beyond DNS and the databases their JDBC datasets name by address.
 * Everything else is refused by each dashboard's NetworkPolicy.
 */
public class TenantEgress {

  @JsonPropertyDescription("Networks and ports every dashboard of the tenant may connect to, such as a database"
      + " server or a web service its URL datasets read.")
  @Size(max = 32)
  private List<EgressDestination> allowed = new ArrayList<>();

  public List<EgressDestination> getAllowed() {
    return allowed;
  }

  public void setAllowed(List<EgressDestination> allowed) {
    this.allowed = allowed;
  }
}
