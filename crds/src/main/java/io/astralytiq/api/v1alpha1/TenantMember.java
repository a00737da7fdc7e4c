package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "self.kind != 'ServiceAccount' || has(self.namespace)",
    message = "a ServiceAccount member needs a namespace", fieldPath = ".namespace")
// RBAC refuses a RoleBinding whose ServiceAccount subject is not named as a ServiceAccount can be; users and groups
// are whatever the cluster's authentication calls them.
@ValidationRule(value = "self.kind != 'ServiceAccount' || self.name.matches(r'" + ApiGroup.DNS_SUBDOMAIN + "')",
    message = "a ServiceAccount member's name must be a lowercase DNS name such as dashboard-reader",
    fieldPath = ".name")
public class TenantMember {

  @JsonPropertyDescription("Kind of subject: User, Group or ServiceAccount.")
  @Required
  private MemberKind kind;

  @JsonPropertyDescription("Name of the user, group or service account, as the cluster's authentication knows it.")
  @Required
  @Size(min = 1, max = 253)
  private String name;

  @JsonPropertyDescription("Namespace of a ServiceAccount member.")
  @Pattern(ApiGroup.DNS_LABEL)
  @Size(max = 63)
  private String namespace;

  @JsonPropertyDescription("Role in the tenant: viewer reads dashboards; editor also creates, changes and deletes"
      + " them; admin also manages dataset Secrets and the tenant's role bindings.")
  @Required
  private TenantRole role;

  public MemberKind getKind() {
    return kind;
  }

  public void setKind(MemberKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public TenantRole getRole() {
    return role;
  }

  public void setRole(TenantRole role) {
    this.role = role;
  }
}
