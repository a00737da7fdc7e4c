package io.astralytiq.runtime.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What stops a running load when its timeout passes: the statements it registered (DuckDB and JDBC statements
 * stop on cancel) besides the interrupt of its thread (which stops a download).
 */
final class LoadCancellation {

  /** Something that stops a part of the load; a failure to stop it is left to the interrupt. */
  @FunctionalInterface
  interface Canceller {
    void cancel() throws Exception;
  }

  private final List<Canceller> cancellers = new CopyOnWriteArrayList<>();
  private volatile boolean cancelled;

  void register(Canceller c) {
    cancellers.add(c);
    if (cancelled) {
      cancelQuietly(c);
    }
  }

  void cancel() {
    cancelled = true;
    cancellers.forEach(LoadCancellation::cancelQuietly);
  }

  boolean isCancelled() {
    return cancelled;
  }

  private static void cancelQuietly(Canceller c) {
    try {
      c.cancel();
    } catch (Exception ignored) {
      // already finished or closed: nothing left to stop
    }
  }
}
