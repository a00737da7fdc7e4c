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
