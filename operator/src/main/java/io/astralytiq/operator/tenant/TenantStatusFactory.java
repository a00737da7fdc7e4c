package io.astralytiq.operator.tenant;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantStatus;
import io.astralytiq.api.v1alpha1.TenantUsage;
import io.astralytiq.operator.common.Conditions;
import io.astralytiq.operator.common.Refusal;
import io.astralytiq.operator.tenant.model.TenantModel;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** A Tenant's status: its namespaces, its dashboards, what its quota has used, and what is wrong. */
final class TenantStatusFactory {

  private static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024L * 1024L);

  private TenantStatusFactory() {}

  /**
   * @param missingRoles the ClusterRoles the tenant's RoleBindings point at that do not exist
   * @param refused the tenant's objects the API server refused in this reconcile
   */
  static TenantStatus compute(TenantModel model, List<Dashboard> dashboards, List<ResourceQuota> quotas,
      List<String> missingRoles, List<Refusal> refused, Clock clock) {
    Tenant tenant = model.tenant();
    Conditions conditions = new Conditions(tenant.getStatus() == null ? null : tenant.getStatus().getConditions(),
        tenant.getMetadata().getGeneration(), clock);
    readiness(conditions, model, missingRoles, refused);

    TenantStatus status = new TenantStatus();
    status.setObservedGeneration(tenant.getMetadata().getGeneration());
    status.setNamespaces(model.namespaces());
    status.setDashboards(dashboards.size());
    TenantUsage usage = new TenantUsage();
    usage.setDashboards((int) dashboards.stream().filter(TenantStatusFactory::admitted).count());
    usage.setCpu(sum(quotas, "requests.cpu").map(cores -> cores.movePointRight(3).setScale(0, RoundingMode.CEILING)
        + "m").orElse(null));
    usage.setMemory(sum(quotas, "requests.memory").map(bytes -> bytes.divide(MEBIBYTE, 0, RoundingMode.CEILING)
        + "Mi").orElse(null));
    usage.setPods(sum(quotas, "pods").map(BigDecimal::intValue).orElse(null));
    status.setUsage(usage);
    status.setConditions(conditions.build());
    return status;
  }

  /**
   * Ready, Conflict and Stalled, from the first of what is wrong: a namespace of another tenant, an object the API
   * server refused, a ClusterRole missing.
   */
  private static void readiness(Conditions conditions, TenantModel model, List<String> missingRoles,
      List<Refusal> refused) {
    List<String> conflicts = model.conflicts();
    if (!conflicts.isEmpty()) {
      String message = "namespace(s) " + String.join(", ", conflicts) + " belong to another tenant and are left alone";
      conditions.set(TenantConditions.CONFLICT, true, TenantConditions.REASON_NAMESPACE_OWNED_ELSEWHERE, message);
      notReady(conditions, TenantConditions.REASON_NAMESPACE_OWNED_ELSEWHERE, message);
      return;
    }
    conditions.set(TenantConditions.CONFLICT, false, TenantConditions.REASON_NO_CONFLICT,
        "every namespace named belongs to this tenant");
    if (!refused.isEmpty()) {
      notReady(conditions, TenantConditions.REASON_CHILD_REFUSED, refused.stream().map(Refusal::describe)
          .collect(Collectors.joining("; ")) + "; the operator tries again every minute");
    } else if (!missingRoles.isEmpty()) {
      notReady(conditions, TenantConditions.REASON_CLUSTER_ROLE_NOT_FOUND, "the RoleBindings of this tenant's members"
          + " point at ClusterRole(s) " + String.join(", ", missingRoles) + ", which do not exist: those members are"
          + " refused everything in " + String.join(", ", model.namespaces()) + "; install the tenant roles of the"
          + " operator's chart (templates/rbac/tenant-roles.yaml; helm upgrade puts them back)");
    } else {
      conditions.set(TenantConditions.READY, true, TenantConditions.REASON_RECONCILED,
          model.namespaces().size() + " namespace(s) with members, quota, defaults and isolation in place");
      conditions.set(TenantConditions.STALLED, false, TenantConditions.REASON_NO_CONFLICT,
          "no failure that needs a change to the spec");
    }
  }

  /** Each of these needs someone to act (a spec, a policy, the chart), so kstatus reads it as Stalled. */
  private static void notReady(Conditions conditions, String reason, String message) {
    conditions.set(TenantConditions.READY, false, reason, message);
    conditions.set(TenantConditions.STALLED, true, reason, message);
  }

  private static boolean admitted(Dashboard dashboard) {
    return dashboard.getStatus() != null
        && Conditions.isTrue(dashboard.getStatus().getConditions(), TenantConditions.ADMITTED);
  }

  /** The sum of a resource's use over the tenant's quotas, in its base unit; empty when no quota counts it. */
  private static Optional<BigDecimal> sum(List<ResourceQuota> quotas, String resource) {
    List<Quantity> used = quotas.stream().filter(q -> q.getStatus() != null && q.getStatus().getUsed() != null)
        .map(q -> q.getStatus().getUsed()).map((Map<String, Quantity> u) -> u.get(resource))
        .filter(Objects::nonNull).toList();
    return used.isEmpty() ? Optional.empty()
        : Optional.of(used.stream().map(Quantity::getNumericalAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
  }
}
