package io.astralytiq.operator.dashboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which revision runs, from the history; and which old revisions go when the history is full. */
class RolloutPlanTest {

  private final Revision one = revision(1, Revision.HEALTHY);
  private final Revision two = revision(2, Revision.FAILED);
  private final Revision three = revision(3, Revision.HEALTHY);

  @Test
  void aNewRevisionRunsItself() {
    Revision fresh = revision(4, null);

    RolloutPlan plan = RolloutPlan.decide(fresh, List.of(one, two, three, fresh), true);

    assertThat(plan.target()).isEqualTo(fresh);
    assertThat(plan.rolledBack()).isFalse();
    assertThat(plan.lastGood()).contains(three);
  }

  @Test
  void aFailedRevisionIsReplacedByTheNewestHealthyOne() {
    Revision failed = revision(4, Revision.FAILED);

    RolloutPlan plan = RolloutPlan.decide(failed, List.of(one, two, three, failed), true);

    assertThat(plan.target()).isEqualTo(three);
    assertThat(plan.rolledBack()).isTrue();
  }

  @Test
  void withoutAutoRollbackOrAnythingHealthyTheFailedRevisionStays() {
    assertThat(RolloutPlan.decide(two, List.of(one, two), false).target()).isEqualTo(two);
    assertThat(RolloutPlan.decide(two, List.of(two), true).target()).isEqualTo(two);
    assertThat(RolloutPlan.decide(two, List.of(two), true).lastGood()).isEmpty();
  }

  @Test
  void aGitRevertToAHealthyRevisionRunsItAgain() {
    RolloutPlan plan = RolloutPlan.decide(one, List.of(one, two), true);

    assertThat(plan.target()).isEqualTo(one);
    assertThat(plan.rolledBack()).isFalse();
  }

  @Test
  void trimmingRemovesTheOldestButNeverWhatMustBeKept() {
    List<Revision> history = List.of(one, two, three, revision(4, null));

    assertThat(Revisions.beyondLimit(history, 2, Set.of(4L))).containsExactly(one, two);
    assertThat(Revisions.beyondLimit(history, 2, Set.of(1L, 4L))).containsExactly(two, three);
    assertThat(Revisions.beyondLimit(history, 10, Set.of())).isEmpty();
  }

  private static Revision revision(long number, String outcome) {
    return new Revision(number, "fp" + number, new PodTemplateSpec(), outcome,
        Revision.FAILED.equals(outcome) ? "CrashLoopBackOff: pod x" : null, "sales-fp" + number, null);
  }
}
