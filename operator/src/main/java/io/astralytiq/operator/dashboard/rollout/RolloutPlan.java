package io.astralytiq.operator.dashboard.rollout;

import java.util.List;
import java.util.Optional;

/**
 * Which revision the Deployment should run now, decided from the history: the spec's own revision, unless it has
 * failed and can be rolled back, in which case the newest healthy one. Pure.
 *
 * @param target the revision to run
 * @param specRevision the revision the spec asks for
 * @param lastGood the newest healthy revision, if any
 * @param rolledBack whether {@code target} replaces a failed {@code specRevision}
 * @param restored whether {@code target} is an earlier revision the user asked for (spec.rollout.restoreRevision)
 */
public record RolloutPlan(Revision target, Revision specRevision, Optional<Revision> lastGood, boolean rolledBack,
    boolean restored) {

  /** A rollback by hand: the revision asked for runs, judged like any other. */
  public static RolloutPlan restore(Revision asked, List<Revision> history) {
    return new RolloutPlan(asked, asked, lastGood(history), false, true);
  }

  public static RolloutPlan decide(Revision specRevision, List<Revision> history, boolean autoRollback) {
    Optional<Revision> lastGood = lastGood(history);
    if (specRevision.hasFailed() && autoRollback && lastGood.isPresent()) {
      return new RolloutPlan(lastGood.get(), specRevision, lastGood, true, false);
    }
    return new RolloutPlan(specRevision, specRevision, lastGood, false, false);
  }

  private static Optional<Revision> lastGood(List<Revision> history) {
    return history.stream().filter(Revision::healthy)
        .reduce((older, newer) -> newer.number() > older.number() ? newer : older);
  }
}
