package io.astralytiq.api.v1alpha1;

import java.util.List;

/** Names of what a Tenant owns in each of its namespaces, and of the roles it binds members to. */
public final class TenantNames {

  private static final String PREFIX = "astralytiq-tenant-";

  private TenantNames() {}

  /** The namespaces a Tenant asks for: spec.namespaces, or one named after the tenant. */
  public static List<String> namespaces(Tenant tenant) {
    List<String> named = tenant.getSpec().getNamespaces();
    return named == null || named.isEmpty() ? List.of(tenant.getMetadata().getName()) : List.copyOf(named);
  }

  /** The ClusterRole the operator ships for a role (astralytiq-tenant-admin, -editor, -viewer). */
  public static String clusterRole(TenantRole role) {
    return PREFIX + role.value();
  }

  /** The RoleBinding of a role in each namespace: named like its ClusterRole. */
  public static String roleBinding(TenantRole role) {
    return clusterRole(role);
  }

  public static String resourceQuota() {
    return PREFIX + "quota";
  }

  public static String limitRange() {
    return PREFIX + "defaults";
  }

  public static String networkPolicy() {
    return PREFIX + "isolation";
  }
}
