package io.astralytiq.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One analytics dashboard: what it shows, how it scales, where it is served and how it rolls out. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("dash")
// Child objects (Service among them) are named after the Dashboard: it must be a DNS-1035 label with room left.
@ValidationRule(value = "self.metadata.name.matches(r'^[a-z]([-a-z0-9]*[a-z0-9])?$') && size(self.metadata.name) <= 52",
    message = "a Dashboard's name must start with a letter, contain only lowercase letters, digits and '-', and be"
        + " at most 52 characters (its Service and other objects are named after it)")
@Categories(ApiGroup.CATEGORY)
@ValidationRule(value = "has(self.spec)", message = "spec is required")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.readyReplicas", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Replicas", jsonPath = ".status.replicas", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Revision", jsonPath = ".status.currentRevision",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.url")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Dashboard extends CustomResource<DashboardSpec, DashboardStatus> implements Namespaced {

  /**
   * A new object has neither spec nor status: JOSDK and the status patches build fresh objects for server-side
   * apply, and a spec filled with defaults here would be applied over the user's.
   */
  @Override
  protected DashboardSpec initSpec() {
    return null;
  }

  @Override
  protected DashboardStatus initStatus() {
    return null;
  }
}
