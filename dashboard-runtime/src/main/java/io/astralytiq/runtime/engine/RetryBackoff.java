package io.astralytiq.runtime.engine;

import java.time.Duration;

/**
 * How long a failed dataset's error is answered before its load is tried again: the first delay, doubled with each
 * failure in a row up to the cap. A source that stays away is asked less and less often (one pod's retries never
 * add up to a storm against a database that is struggling to come back), and one that is back is asked again
 * within the cap.
 *
 * @param first the delay after the first failure
 * @param max the longest delay, however many failures came before
 */
record RetryBackoff(Duration first, Duration max) {

  /** Past this many doublings the delay is at the cap anyway, and the shift cannot overflow. */
  private static final int MAX_DOUBLINGS = 30;

  /** @param failures failed loads in a row, at least 1 */
  Duration after(int failures) {
    int doublings = Math.min(Math.max(failures, 1) - 1, MAX_DOUBLINGS);
    Duration delay = first.multipliedBy(1L << doublings);
    Duration cap = max.compareTo(first) > 0 ? max : first; // a cap set below the first delay does not shorten it
    return delay.compareTo(cap) > 0 ? cap : delay;
  }
}
