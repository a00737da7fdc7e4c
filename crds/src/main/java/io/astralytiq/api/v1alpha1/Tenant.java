package io.astralytiq.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A team or customer sharing the cluster: its namespaces, members, quotas and policies. Cluster-scoped: the class does not implement Namespaced. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("tn")
@Categories(ApiGroup.CATEGORY)
@ValidationRule(value = "has(self.spec)", message = "spec is required")
// The name is the value of the astralytiq.io/tenant label on everything the tenant owns, and the name of its one
// namespace when spec.namespaces is empty (TenantNames.namespaces): a DNS label, then, of at most 63 characters.
// The API server's own check of a cluster-scoped name allows dots and 253 characters. A rule at the root cannot
// point at metadata.name (a fieldPath must lie in the schema), so the message names it.
@ValidationRule(value = "self.metadata.name.matches(r'" + ApiGroup.DNS_LABEL + "') && size(self.metadata.name) <= 63",
    message = "a Tenant's name (metadata.name) must contain only lowercase letters, digits and '-' and be at most 63"
        + " characters (it labels everything the tenant owns, and names its namespace when spec.namespaces is empty)")
@ValidationRule(value = "!has(self.spec) || (has(self.spec.namespaces) && size(self.spec.namespaces) > 0)"
    + " || !(self.metadata.name in " + ApiGroup.SYSTEM_NAMESPACES + ")",
    message = "a Tenant named (metadata.name) after a namespace of the cluster itself (default, kube-system,"
        + " kube-public, kube-node-lease) needs spec.namespaces: it would otherwise own that namespace")
@AdditionalPrinterColumn(name = "Display Name", jsonPath = ".spec.displayName")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Namespaces", jsonPath = ".status.namespaces", priority = 1)
@AdditionalPrinterColumn(name = "Dashboards", jsonPath = ".status.dashboards",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Tenant extends CustomResource<TenantSpec, TenantStatus> {

  /**
   * A new object has neither spec nor status: JOSDK and the status patches build fresh objects for server-side
   * apply, and a spec filled with defaults here would be applied over the user's.
   */
  @Override
  protected TenantSpec initSpec() {
    return null;
  }

  @Override
  protected TenantStatus initStatus() {
    return null;
  }
}
