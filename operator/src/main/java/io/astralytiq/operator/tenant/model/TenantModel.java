package io.astralytiq.operator.tenant.model;

import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.operator.common.OwnedLabels;
import io.astralytiq.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The desired state of a Tenant's objects, from the Tenant, the operator's settings and the namespaces it names
 * as they exist now. Pure: tested from a Tenant in and objects out.
 *
 * @param tenant the Tenant, never modified
 * @param config the operator's settings
 * @param existing each namespace the Tenant names, as it exists (empty when it does not)
 */
public record TenantModel(Tenant tenant, OperatorConfig config, Map<String, Optional<Namespace>> existing) {

  public String name() {
    return tenant.getMetadata().getName();
  }

  /** Namespaces the tenant holds: the ones it names, less those another tenant holds. */
  public List<String> namespaces() {
    return TenantNames.namespaces(tenant).stream().filter(ns -> owner(ns).map(name()::equals).orElse(true)).toList();
  }

  /** Namespaces the tenant names that another tenant holds. */
  public List<String> conflicts() {
    return TenantNames.namespaces(tenant).stream().filter(ns -> owner(ns).filter(o -> !o.equals(name())).isPresent())
        .toList();
  }

  public Map<String, String> labels() {
    return OwnedLabels.of(Labels.TENANT_APP, name(), name());
  }

  /**
   * A namespace the tenant holds. It carries no owner reference, so deleting the Tenant never deletes it by
   * itself; the annotation marks namespaces the operator created, the only ones deletionPolicy Delete removes.
   */
  public Namespace namespace(String namespace) {
    Optional<Namespace> current = existing.getOrDefault(namespace, Optional.empty());
    boolean created = current.isEmpty() || current.get().getMetadata().getAnnotations() != null
        && current.get().getMetadata().getAnnotations().containsKey(Labels.CREATED_FOR_TENANT);
    ObjectMetaBuilder metadata = new ObjectMetaBuilder().withName(namespace)
        .withLabels(Map.of(Labels.TENANT, name(), Labels.MANAGED_BY, Labels.OPERATOR));
    if (created) {
      metadata.withAnnotations(Map.of(Labels.CREATED_FOR_TENANT, name()));
    }
    return new NamespaceBuilder().withMetadata(metadata.build()).build();
  }

  public List<Namespace> namespaceObjects() {
    return namespaces().stream().map(this::namespace).toList();
  }

  public List<RoleBinding> roleBindings() {
    return namespaces().stream().flatMap(ns -> DesiredRoleBindings.of(this, ns).stream()).toList();
  }

  public List<ResourceQuota> resourceQuotas() {
    return namespaces().stream().map(ns -> DesiredPolicies.quota(this, ns)).filter(Objects::nonNull).toList();
  }

  public List<LimitRange> limitRanges() {
    return namespaces().stream().map(ns -> DesiredPolicies.limitRange(this, ns)).filter(Objects::nonNull).toList();
  }

  public List<NetworkPolicy> networkPolicies() {
    return Boolean.FALSE.equals(tenant.getSpec().getNetworkIsolation()) ? List.of()
        : namespaces().stream().map(ns -> DesiredPolicies.isolation(this, ns)).toList();
  }

  /** Metadata of an object in one of the tenant's namespaces, owned by the Tenant (removed with it). */
  ObjectMeta childMetadata(String childName, String namespace) {
    return new ObjectMetaBuilder()
        .withName(childName)
        .withNamespace(namespace)
        .withLabels(labels())
        .addNewOwnerReference()
          .withApiVersion(tenant.getApiVersion()).withKind(tenant.getKind()).withName(name())
          .withUid(tenant.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true)
        .endOwnerReference()
        .build();
  }

  private Optional<String> owner(String namespace) {
    return existing.getOrDefault(namespace, Optional.empty())
        .map(ns -> ns.getMetadata().getLabels() == null ? null : ns.getMetadata().getLabels().get(Labels.TENANT));
  }
}
