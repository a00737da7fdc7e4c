package io.astralytiq.operator.dashboard;

import static io.astralytiq.api.v1alpha1.DashboardConditions.READY;
import static io.astralytiq.api.v1alpha1.DashboardConditions.RECONCILING;
import static io.astralytiq.api.v1alpha1.DashboardConditions.STALLED;

import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * Reconciling and Stalled, the two conditions kstatus reads on a custom resource (Flux's health checks, kpt,
 * cli-utils): without them a rolled-back or refused Dashboard would be Current to Flux, since kstatus does not read
 * Ready or phase on a kind it does not know. Stalled is True where only a change to the spec (or to what it names)
 * helps: a rollback, bad input, a failed revision, a host held by another; Reconciling while a revision rolls out.
 */
final class KstatusConditions {

  private KstatusConditions() {}

  static void set(Conditions conditions, DashboardPhase phase, List<Condition> built) {
    Condition ready = Conditions.find(built, READY).orElseThrow();
    boolean stalled = phase == DashboardPhase.RolledBack || phase == DashboardPhase.Failed
        || phase == DashboardPhase.Degraded;
    boolean reconciling = phase == DashboardPhase.Progressing || phase == DashboardPhase.Pending;
    conditions.set(RECONCILING, reconciling, reconciling ? ready.getReason() : phase.name(),
        reconciling ? ready.getMessage() : "no rollout in progress");
    conditions.set(STALLED, stalled, stalled ? ready.getReason() : phase.name(),
        stalled ? ready.getMessage() : "no failure that needs a change to the spec");
  }
}
