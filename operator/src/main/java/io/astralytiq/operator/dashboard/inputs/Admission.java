package io.astralytiq.operator.dashboard.inputs;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantQuota;
import io.astralytiq.operator.common.Conditions;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.config.OperatorConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a Dashboard may run under its tenant's policy: the namespace must belong to a tenant (unless the
 * operator allows unmanaged namespaces), the tenant's dashboard quota must have room for it (the oldest are
 * admitted first), and its image must come from an allowed registry. Pure: the Admitted outcome, from what the
 * informers hold.
 */
public final class Admission {

  /**
   * The order dashboards get a tenant's slots in: oldest first. Creation times have one-second resolution, so
   * among equals one already admitted keeps its place: a tie never stops a running dashboard for a new one.
   */
  private static final Comparator<Dashboard> QUEUE = Comparator
      .comparing((Dashboard d) -> d.getMetadata().getCreationTimestamp(), Comparator.nullsLast(String::compareTo))
      .thenComparing(d -> !wasAdmitted(d))
      .thenComparing(d -> d.getMetadata().getNamespace())
      .thenComparing(d -> d.getMetadata().getName());

  private Admission() {}

  /** The Admitted outcome: True when the Dashboard may run. */
  static Outcome check(Dashboard dashboard, String tenantName, Optional<Tenant> tenant, String image,
      Stream<Dashboard> allDashboards, OperatorConfig config) {
    String namespace = dashboard.getMetadata().getNamespace();
    if (tenantName == null) {
      return config.allowUnmanagedNamespaces()
          ? admitted(TenantConditions.REASON_UNMANAGED_NAMESPACE, "namespace " + namespace
              + " belongs to no tenant; the operator allows unmanaged namespaces")
          : refused(TenantConditions.REASON_NO_TENANT, "namespace " + namespace + " belongs to no Tenant: add it to a"
              + " Tenant's spec.namespaces");
    }
    if (tenant.isEmpty()) {
      return refused(TenantConditions.REASON_NO_TENANT, "namespace " + namespace + " is labelled for tenant "
          + tenantName + ", but no Tenant of that name exists");
    }
    Optional<String> registryProblem = imageProblem(tenant.get(), image, config);
    if (registryProblem.isPresent()) {
      return refused(TenantConditions.REASON_IMAGE_NOT_ALLOWED, registryProblem.get());
    }
    TenantQuota quota = tenant.get().getSpec().getQuota();
    if (quota != null && quota.getMaxDashboards() != null) {
      List<String> namespaces = TenantNames.namespaces(tenant.get());
      List<Dashboard> byAge = allDashboards.filter(d -> namespaces.contains(d.getMetadata().getNamespace()))
          .filter(d -> d.getMetadata().getDeletionTimestamp() == null).sorted(QUEUE).toList();
      int position = indexOf(byAge, dashboard);
      if (position >= quota.getMaxDashboards()) {
        return refused(TenantConditions.REASON_QUOTA_EXCEEDED, "tenant " + tenantName + " allows "
            + quota.getMaxDashboards() + " dashboard(s) (quota.maxDashboards); this is number " + (position + 1)
            + " by creation time");
      }
    }
    return admitted(TenantConditions.REASON_ADMITTED, "admitted by tenant " + tenantName);
  }

  private static Outcome admitted(String reason, String message) {
    return Outcome.of(TenantConditions.ADMITTED, true, reason, message);
  }

  private static Outcome refused(String reason, String message) {
    return Outcome.of(TenantConditions.ADMITTED, false, reason, message);
  }

  /** The operator's own runtime image is always allowed: the platform ships it, tenants do not choose it. */
  private static Optional<String> imageProblem(Tenant tenant, String image, OperatorConfig config) {
    ImagePolicy policy = tenant.getSpec().getImagePolicy();
    if (policy == null || policy.getAllowedRegistries().isEmpty() || image.equals(config.runtimeImage())) {
      return Optional.empty();
    }
    boolean allowed = policy.getAllowedRegistries().stream()
        .anyMatch(prefix -> image.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
    return allowed ? Optional.empty() : Optional.of("image " + image + " is not from a registry tenant "
        + tenant.getMetadata().getName() + " allows (" + String.join(", ", policy.getAllowedRegistries()) + ")");
  }

  private static boolean wasAdmitted(Dashboard dashboard) {
    return dashboard.getStatus() != null
        && Conditions.isTrue(dashboard.getStatus().getConditions(), TenantConditions.ADMITTED);
  }

  private static int indexOf(List<Dashboard> dashboards, Dashboard dashboard) {
    for (int i = 0; i < dashboards.size(); i++) {
      if (dashboards.get(i).getMetadata().getUid().equals(dashboard.getMetadata().getUid())) {
        return i;
      }
    }
    return dashboards.size();
  }
}
