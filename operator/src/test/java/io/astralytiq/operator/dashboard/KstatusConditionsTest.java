package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.operator.common.Outcome;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class KstatusConditionsTest {

  private static final Outcome READY =
      Outcome.of(DashboardConditions.READY, false, "CrashLoopBackOff", "revision 2 failed");

  @Test
  void aRolledBackDashboardIsStalledWithReadysReason() {
    assertThat(KstatusConditions.of(DashboardPhase.RolledBack, READY)).containsExactly(
        Outcome.of(DashboardConditions.RECONCILING, false, "RolledBack", "no rollout in progress"),
        Outcome.of(DashboardConditions.STALLED, true, "CrashLoopBackOff", "revision 2 failed"));
  }

  @Test
  void aRolloutInProgressIsReconcilingAndNotStalled() {
    Outcome rollingOut = Outcome.of(DashboardConditions.READY, false, "RollingOut", "1 of 2 replicas updated");
    assertThat(KstatusConditions.of(DashboardPhase.Progressing, rollingOut)).extracting(Outcome::type, Outcome::status)
        .containsExactly(Tuple.tuple(DashboardConditions.RECONCILING, true),
            Tuple.tuple(DashboardConditions.STALLED, false));
  }

  @Test
  void readyAndSuspendedAreNeither() {
    for (DashboardPhase phase : new DashboardPhase[] {DashboardPhase.Ready, DashboardPhase.Suspended}) {
      assertThat(KstatusConditions.of(phase, READY)).as(phase.name()).noneMatch(Outcome::status);
    }
  }
}
