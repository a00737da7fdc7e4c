package io.astralytiq.operator.tls.ca;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of one rotation step.
 *
 * @param bundle the CAs as they should be stored now
 * @param changes what changed; empty when the stored bundle is still right
 * @param nextStepAt when the next step is due, to reschedule the reconciliation for
 */
public record Rotation(CaBundle bundle, Set<RotationChange> changes, Instant nextStepAt) {

  public Rotation {
    changes = Set.copyOf(changes);
  }

  public boolean changed() {
    return !changes.isEmpty();
  }

  /** The changes in words, for one Event; empty when nothing changed. */
  public String describe() {
    return changes.stream().sorted().map(RotationChange::description).collect(Collectors.joining("; "));
  }
}
