package io.astralytiq.operator.dashboard.inputs;

import io.astralytiq.api.v1alpha1.Dashboard;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides which Dashboard serves a host that several claim: the oldest (by creation, then namespace and name,
 * so that the answer is the same from every reconcile). The others report HostConflict and get no Ingress.
 */
final class HostClaims {

  static final Comparator<Dashboard> SENIORITY = Comparator
      .comparing((Dashboard d) -> d.getMetadata().getCreationTimestamp(), Comparator.nullsLast(String::compareTo))
      .thenComparing(d -> d.getMetadata().getNamespace())
      .thenComparing(d -> d.getMetadata().getName());

  private HostClaims() {}

  static Optional<String> host(Dashboard dashboard) {
    return Optional.ofNullable(dashboard.getSpec().getIngress()).map(i -> i.getHost());
  }

  /** The Dashboard that serves {@code dashboard}'s host instead of it, if one does. */
  static Optional<Dashboard> holder(Dashboard dashboard, Stream<Dashboard> all) {
    Optional<String> host = host(dashboard);
    if (host.isEmpty()) {
      return Optional.empty();
    }
    return all.filter(other -> host.equals(host(other)))
        .filter(other -> other.getMetadata().getDeletionTimestamp() == null)
        .min(SENIORITY)
        .filter(oldest -> !oldest.getMetadata().getUid().equals(dashboard.getMetadata().getUid()));
  }
}
