package io.astralytiq.operator.tenant.model;

import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.ResourceDefaults;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantQuota;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** The quota, default resources and network isolation of each of a tenant's namespaces. */
final class DesiredPolicies {

  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private DesiredPolicies() {}

  /** CPU and memory count requests, as the LimitRange's defaults fill them in; null when no limit is set. */
  static ResourceQuota quota(TenantModel model, String namespace) {
    TenantQuota quota = model.tenant().getSpec().getQuota();
    if (quota == null) {
      return null;
    }
    Map<String, Quantity> hard = new LinkedHashMap<>();
    if (quota.getCpu() != null) {
      hard.put("requests.cpu", new Quantity(quota.getCpu()));
    }
    if (quota.getMemory() != null) {
      hard.put("requests.memory", new Quantity(quota.getMemory()));
    }
    if (quota.getPods() != null) {
      hard.put("pods", new Quantity(quota.getPods().toString()));
    }
    if (hard.isEmpty()) {
      return null;
    }
    return new ResourceQuotaBuilder().withMetadata(model.childMetadata(TenantNames.resourceQuota(), namespace))
        .withNewSpec().withHard(hard).endSpec().build();
  }

  /**
   * The defaults are the requests of a container that sets none. No default limits: a default CPU limit below a
   * container's own request would make its pods invalid, and the quota counts requests anyway.
   */
  static LimitRange limitRange(TenantModel model, String namespace) {
    ResourceDefaults defaults = model.tenant().getSpec().getDefaults();
    if (defaults == null || defaults.getCpu() == null && defaults.getMemory() == null) {
      return null;
    }
    Map<String, Quantity> values = new LinkedHashMap<>();
    if (defaults.getCpu() != null) {
      values.put("cpu", new Quantity(defaults.getCpu()));
    }
    if (defaults.getMemory() != null) {
      values.put("memory", new Quantity(defaults.getMemory()));
    }
    return new LimitRangeBuilder().withMetadata(model.childMetadata(TenantNames.limitRange(), namespace))
        .withNewSpec().addNewLimit().withType("Container").withDefaultRequest(values).endLimit()
        .endSpec().build();
  }

  /**
   * Pods of the tenant accept traffic from the tenant's own namespaces (by the label the operator puts on them),
   * the ingress controller and monitoring; nothing else, other tenants included.
   */
  static NetworkPolicy isolation(TenantModel model, String namespace) {
    NetworkPolicyPeer ownNamespaces = new NetworkPolicyPeerBuilder().withNamespaceSelector(new LabelSelectorBuilder()
        .addToMatchLabels(Labels.TENANT, model.name()).build()).build();
    NetworkPolicyPeer platform = new NetworkPolicyPeerBuilder().withNamespaceSelector(new LabelSelectorBuilder()
        .withMatchExpressions(new LabelSelectorRequirementBuilder().withKey(NAMESPACE_NAME_LABEL).withOperator("In")
            .withValues(model.config().ingressNamespace(), model.config().monitoringNamespace()).build())
        .build()).build();
    return new NetworkPolicyBuilder().withMetadata(model.childMetadata(TenantNames.networkPolicy(), namespace))
        .withNewSpec()
          .withNewPodSelector().endPodSelector()
          .withPolicyTypes("Ingress")
          .addNewIngress().withFrom(ownNamespaces, platform).endIngress()
        .endSpec()
        .build();
  }
}
