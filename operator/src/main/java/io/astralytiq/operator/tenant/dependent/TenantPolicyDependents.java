package io.astralytiq.operator.tenant.dependent;

import io.astralytiq.operator.tenant.model.TenantModel;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * A Tenant's objects in its namespaces, one dependent class each as the workflow needs; their logic is in the
 * model. Each informer caches only the tenant objects the operator made.
 */
public final class TenantPolicyDependents {

  static final String OWNED = "app.kubernetes.io/managed-by=astralytiq-operator,app.kubernetes.io/name=astralytiq-tenant";

  private TenantPolicyDependents() {}

  /** Members' access: one RoleBinding per role in each namespace. */
  @KubernetesDependent(informer = @Informer(labelSelector = OWNED))
  public static class TenantRoleBindingDependent extends TenantChildDependent<RoleBinding> {
    public TenantRoleBindingDependent() {
      super(RoleBinding.class, TenantModel::roleBindings);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = OWNED))
  public static class TenantQuotaDependent extends TenantChildDependent<ResourceQuota> {
    public TenantQuotaDependent() {
      super(ResourceQuota.class, TenantModel::resourceQuotas);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = OWNED))
  public static class TenantLimitRangeDependent extends TenantChildDependent<LimitRange> {
    public TenantLimitRangeDependent() {
      super(LimitRange.class, TenantModel::limitRanges);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = OWNED))
  public static class TenantNetworkPolicyDependent extends TenantChildDependent<NetworkPolicy> {
    public TenantNetworkPolicyDependent() {
      super(NetworkPolicy.class, TenantModel::networkPolicies);
    }
  }
}
