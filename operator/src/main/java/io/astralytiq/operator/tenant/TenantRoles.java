package io.astralytiq.operator.tenant;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of the ClusterRoles a Tenant's RoleBindings point at do not exist. The API server accepts a RoleBinding to
 * a missing role, and it grants nothing: every member would be refused everything while the Tenant looked Ready
 * (the chart's tenant roles not installed, a release renamed).
 *
 * <p>Read by name, a get each (the operator may get these three roles and no other, so no informer can list
 * them). A role seen is remembered for a while, since a Tenant is reconciled on every change of its dashboards and
 * the roles change only with the chart; a missing one is read again on every reconcile, so the Tenant turns Ready
 * as soon as the roles are installed and it is looked at again.
 */
final class TenantRoles {

  static final Duration REMEMBER_PRESENT = Duration.ofMinutes(1);

  private final Clock clock;
  private final Map<String, Instant> seenAt = new ConcurrentHashMap<>();

  TenantRoles(Clock clock) {
    this.clock = clock;
  }

  /** The names that do not exist, sorted. */
  List<String> missing(KubernetesClient client, Collection<String> names) {
    return names.stream().distinct().filter(name -> !exists(client, name)).sorted().toList();
  }

  private boolean exists(KubernetesClient client, String name) {
    Instant now = clock.instant();
    Instant seen = seenAt.get(name);
    if (seen != null && seen.plus(REMEMBER_PRESENT).isAfter(now)) {
      return true;
    }
    boolean exists = client.rbac().clusterRoles().withName(name).get() != null;
    if (exists) {
      seenAt.put(name, now);
    } else {
      seenAt.remove(name);
    }
    return exists;
  }
}
