package io.astralytiq.operator.dashboard.rollout;

import io.astralytiq.api.v1alpha1.Dashboard;
import java.time.Duration;

/** Told when a revision's outcome is recorded: the hook metrics and notifications build on. */
public interface RolloutListener {

  /** A new revision became healthy, {@code took} after it was recorded. */
  void healthy(Dashboard dashboard, Revision revision, Duration took);

  /** A new revision failed; it is rolled back next when automatic rollback is on and a good revision exists. */
  void failed(Dashboard dashboard, Revision revision, Verdict verdict);
}
