package io.astralytiq.api.v1alpha1;

/** Condition types and reasons of a Tenant, and of a Dashboard's admission by its tenant. */
public final class TenantConditions {

  public static final String READY = "Ready";
  /** On a Tenant: some namespaces it names belong to another tenant. */
  public static final String CONFLICT = "Conflict";
  /** On a Dashboard: whether its tenant's policy lets it run. */
  public static final String ADMITTED = "Admitted";
  /** kstatus's (Flux, kpt): True while a namespace named is another tenant's, which only a spec change resolves. */
  public static final String STALLED = "Stalled";

  public static final String REASON_RECONCILED = "Reconciled";
  public static final String REASON_NAMESPACE_OWNED_ELSEWHERE = "NamespaceOwnedByAnotherTenant";
  public static final String REASON_NO_CONFLICT = "NoConflict";
  /** A ClusterRole the members' RoleBindings point at does not exist: they grant nothing. */
  public static final String REASON_CLUSTER_ROLE_NOT_FOUND = "ClusterRoleNotFound";
  /**
   * The API server refused an object the operator applied for the Tenant (a namespace, RoleBinding, quota,
   * LimitRange or NetworkPolicy), by an admission policy, a quota or a missing right: the message names the object
   * and quotes the API server. The same reason as a Dashboard's.
   */
  public static final String REASON_CHILD_REFUSED = DashboardConditions.REASON_CHILD_REFUSED;

  public static final String REASON_ADMITTED = "Admitted";
  public static final String REASON_UNMANAGED_NAMESPACE = "UnmanagedNamespace";
  public static final String REASON_NO_TENANT = "NoTenant";
  public static final String REASON_QUOTA_EXCEEDED = "QuotaExceeded";
  public static final String REASON_IMAGE_NOT_ALLOWED = "ImageNotAllowed";

  private TenantConditions() {}
}
