package io.astralytiq.runtime.engine;

import java.time.Duration;

/**
 * Where a dataset's load stands, for readiness and metrics.
 *
 * @param usable whether queries can read the dataset now (loaded, and not failed since)
 * @param message what a probe's reader needs: ok, loading for how long, stuck, or the error
 */
public record LoadStatus(String dataset, State state, boolean usable, String message, Duration runningFor) {

  /** NOT_LOADED: no query or probe asked for it yet. STUCK: still running after its timeout cancelled it. */
  public enum State { NOT_LOADED, LOADING, LOADED, FAILED, STUCK }
}
