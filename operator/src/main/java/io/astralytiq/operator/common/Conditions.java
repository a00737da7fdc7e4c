package io.astralytiq.operator.common;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a status's condition list the way Kubernetes conventions ask: one condition per type, and a
 * lastTransitionTime that moves only when the condition's status flips.
 */
public final class Conditions {

  private final List<Condition> previous;
  private final List<Condition> next = new ArrayList<>();
  private final long generation;
  private final Clock clock;

  public Conditions(List<Condition> previous, long generation, Clock clock) {
    this.previous = previous == null ? List.of() : previous;
    this.generation = generation;
    this.clock = clock;
  }

  public Conditions set(String type, boolean status, String reason, String message) {
    String statusText = status ? "True" : "False";
    Optional<Condition> before = find(previous, type);
    String since = before.filter(c -> statusText.equals(c.getStatus())).map(Condition::getLastTransitionTime)
        .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    next.removeIf(c -> c.getType().equals(type));
    next.add(new ConditionBuilder().withType(type).withStatus(statusText).withReason(reason)
        .withMessage(message).withObservedGeneration(generation).withLastTransitionTime(since).build());
    return this;
  }

  /** Sets the condition an outcome describes. */
  public Conditions set(Outcome outcome) {
    return set(outcome.type(), outcome.status(), outcome.reason(), outcome.message());
  }

  public List<Condition> build() {
    return List.copyOf(next);
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null ? Optional.empty()
        : conditions.stream().filter(c -> Objects.equals(c.getType(), type)).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }
}
