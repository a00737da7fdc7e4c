package io.astralytiq.operator.dashboard;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.dashboard.rollout.Revision;
import io.astralytiq.operator.dashboard.rollout.RolloutPlan;
import io.astralytiq.operator.dashboard.rollout.Verdict;
import java.util.Optional;

/** What the status says about the rollout: the plan this reconcile applied and the verdict on it. Pure. */
record AppliedRollout(RolloutPlan plan, Verdict verdict) {

  boolean healthy() {
    return verdict.state() == Verdict.State.HEALTHY;
  }

  /** The revision last seen healthy: the target when it is now, else the newest healthy one before it. */
  Long lastGood() {
    if (!plan.rolledBack() && healthy()) {
      return plan.target().number();
    }
    return plan.lastGood().map(Revision::number).orElse(null);
  }

  /** The RolledBack outcome: whether what runs replaces the spec's own revision, and why. */
  Outcome rolledBack() {
    if (plan.restored()) {
      return Outcome.of(DashboardConditions.ROLLED_BACK, true, DashboardConditions.REASON_RESTORED, "revision "
          + plan.target().number() + " restored by spec.rollout.restoreRevision; remove it to run the spec");
    }
    if (plan.rolledBack()) {
      String failure = plan.specRevision().failure();
      return Outcome.of(DashboardConditions.ROLLED_BACK, true, failure.substring(0, failure.indexOf(':')),
          rolledBackMessage());
    }
    return Outcome.of(DashboardConditions.ROLLED_BACK, false, DashboardConditions.REASON_CURRENT_REVISION,
        "revision " + plan.target().number() + " is the spec's own");
  }

  String rolledBackMessage() {
    return "revision " + plan.specRevision().number() + " failed (" + plan.specRevision().failure()
        + "); rolled back to revision " + plan.target().number() + "; it is not tried again until the spec changes";
  }

  /** What to say of the spec's revision failing when it is not (yet) rolled back; empty when it is not failing. */
  Optional<String> failure(DashboardModel model) {
    if (!verdict.failed()) {
      return Optional.empty();
    }
    String failed = "revision " + plan.target().number() + " failed: " + verdict.evidence();
    if (!model.rollout().getAutoRollback()) {
      return Optional.of(failed + "; automatic rollback is off (spec.rollout.autoRollback)");
    }
    return Optional.of(plan.lastGood().map(good -> failed + "; rolling back to revision " + good.number())
        .orElse(failed + "; there is no earlier healthy revision to roll back to"));
  }
}
