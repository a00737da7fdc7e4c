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
 */
public record RolloutPlan(Revision target, Revision specRevision, Optional<Revision> lastGood, boolean rolledBack) {

  public static RolloutPlan decide(Revision specRevision, List<Revision> history, boolean autoRollback) {
    Optional<Revision> lastGood = history.stream().filter(Revision::healthy)
        .reduce((older, newer) -> newer.number() > older.number() ? newer : older);
    if (specRevision.hasFailed() && autoRollback && lastGood.isPresent()) {
      return new RolloutPlan(lastGood.get(), specRevision, lastGood, true);
    }
    return new RolloutPlan(specRevision, specRevision, lastGood, false);
  }
}
