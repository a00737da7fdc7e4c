package io.astralytiq.operator.common;

import io.astralytiq.api.v1alpha1.Labels;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels DESIGN.md puts on every object the operator owns. */
public final class OwnedLabels {

  private OwnedLabels() {}

  /** Labels that select one app instance's pods: stable for its lifetime, as Deployment selectors must be. */
  public static Map<String, String> selector(String app, String instance) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.NAME, app);
    labels.put(Labels.INSTANCE, instance);
    return labels;
  }

  /** The selector labels plus the operator's marker and the tenant, when known. */
  public static Map<String, String> of(String app, String instance, String tenant) {
    Map<String, String> labels = selector(app, instance);
    labels.put(Labels.MANAGED_BY, Labels.OPERATOR);
    if (tenant != null) {
      labels.put(Labels.TENANT, tenant);
    }
    return labels;
  }
}
