package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

@ValidationRule(value = "!has(self.namespaces) || self.namespaces.all(n, self.namespaces.exists_one(m, m == n))",
    message = "spec.namespaces must not list a namespace twice", fieldPath = ".namespaces")
public class TenantSpec {

  @JsonPropertyDescription("Human-readable name of the team, shown in dashboards and status.")
  @Size(max = 128)
  private String displayName;

  @JsonPropertyDescription("Namespaces the tenant owns. Created (or adopted when they exist and belong to no other"
      + " tenant) and labelled astralytiq.io/tenant. Default: one namespace named after the tenant.")
  @Size(max = 32)
  @ValidationRule(value = ApiGroup.ARE_DNS_LABELS,
      message = "namespaces must be lowercase DNS labels (letters, digits and '-') such as acme-analytics")
  // A tenant puts its quota, LimitRange, isolating NetworkPolicy and role bindings in every namespace it owns.
  @ValidationRule(value = "!self.exists(n, n in " + ApiGroup.SYSTEM_NAMESPACES + ")",
      message = "namespaces may not include default, kube-system, kube-public or kube-node-lease: a tenant puts its"
          + " quota, network policy and role bindings in its namespaces")
  private List<@Size(min = 1, max = 63) String> namespaces = new ArrayList<>();

  @JsonPropertyDescription("People and groups with access to the tenant's namespaces, each bound to one of the"
      + " operator's roles.")
  @Size(max = 256)
  private List<TenantMember> members = new ArrayList<>();

  @JsonPropertyDescription("Limits on what the tenant may run: dashboards, CPU, memory and pods.")
  private TenantQuota quota;

  @JsonPropertyDescription("Default container requests and limits for the tenant's pods (a LimitRange).")
  private ResourceDefaults defaults;

  @JsonPropertyDescription("When true, the tenant's pods accept traffic only from its own namespaces, the ingress"
      + " controller and monitoring.")
  @Default("true")
  private Boolean networkIsolation = Boolean.TRUE;

  @JsonPropertyDescription("Where the tenant's dashboards may connect to besides DNS and the databases their JDBC"
      + " datasets name by address: each dashboard's NetworkPolicy refuses every other destination.")
  private TenantEgress egress;

  @JsonPropertyDescription("Which images the tenant's dashboards may run.")
  private ImagePolicy imagePolicy;

  @JsonPropertyDescription("TLS defaults for the tenant's dashboards.")
  private TenantTls tls;

  @JsonPropertyDescription("What happens to the tenant's namespaces when the Tenant is deleted. Retain keeps them"
      + " and their content; Delete removes the namespaces the tenant created (never adopted ones).")
  @Default("Retain")
  private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public List<TenantMember> getMembers() {
    return members;
  }

  public void setMembers(List<TenantMember> members) {
    this.members = members;
  }

  public TenantEgress getEgress() {
    return egress;
  }

  public void setEgress(TenantEgress egress) {
    this.egress = egress;
  }

  public TenantQuota getQuota() {
    return quota;
  }

  public void setQuota(TenantQuota quota) {
    this.quota = quota;
  }

  public ResourceDefaults getDefaults() {
    return defaults;
  }

  public void setDefaults(ResourceDefaults defaults) {
    this.defaults = defaults;
  }

  public Boolean getNetworkIsolation() {
    return networkIsolation;
  }

  public void setNetworkIsolation(Boolean networkIsolation) {
    this.networkIsolation = networkIsolation;
  }

  public ImagePolicy getImagePolicy() {
    return imagePolicy;
  }

  public void setImagePolicy(ImagePolicy imagePolicy) {
    this.imagePolicy = imagePolicy;
  }

  public TenantTls getTls() {
    return tls;
  }

  public void setTls(TenantTls tls) {
    this.tls = tls;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }
}
