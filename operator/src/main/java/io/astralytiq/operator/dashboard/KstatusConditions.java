package io.astralytiq.operator.dashboard;

import static io.astralytiq.api.v1alpha1.DashboardConditions.RECONCILING;
import static io.astralytiq.api.v1alpha1.DashboardConditions.STALLED;

import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.operator.common.Outcome;
import java.util.List;

/**
 * Reconciling and Stalled, the two conditions kstatus reads on a custom resource (Flux's health checks, kpt,
 * cli-utils): without them a rolled-back or refused Dashboard would be Current to Flux, since kstatus does not read
 * Ready or phase on a kind it does not know. Stalled is True where only a change to the spec (or to what it names)
 * helps: a rollback, bad input, a failed revision, a host held by another; Reconciling while a revision rolls out.
 */
final class KstatusConditions {

  private KstatusConditions() {}

  /** Reconciling and Stalled, derived from the phase; when True they carry Ready's reason and message. */
  static List<Outcome> of(DashboardPhase phase, Outcome ready) {
    boolean stalled = phase == DashboardPhase.RolledBack || phase == DashboardPhase.Failed
        || phase == DashboardPhase.Degraded;
    boolean reconciling = phase == DashboardPhase.Progressing || phase == DashboardPhase.Pending;
    return List.of(
        reconciling ? Outcome.of(RECONCILING, true, ready.reason(), ready.message())
            : Outcome.of(RECONCILING, false, phase.name(), "no rollout in progress"),
        stalled ? Outcome.of(STALLED, true, ready.reason(), ready.message())
            : Outcome.of(STALLED, false, phase.name(), "no failure that needs a change to the spec"));
  }
}
