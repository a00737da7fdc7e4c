package io.astralytiq.operator.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * What a feature found, as one condition of the status: what each feature returns, what the reconciler collects
 * and what the status factory sets (replacing the condition of the same type).
 *
 * @param type the condition type (Ready, Admitted, TLSReady...)
 * @param status whether the condition holds
 * @param reason the CamelCase reason
 * @param message what a user reads
 * @param recheckAt when to look again though nothing watched changes (a Secret read, not watched; a certificate
 *     ageing), or null
 */
public record Outcome(String type, boolean status, String reason, String message, Instant recheckAt) {

  /** How soon a reconcile due now is run: never at once, so a clock that runs ahead cannot spin the loop. */
  private static final Duration OVERDUE = Duration.ofSeconds(1);

  public Outcome {
    Objects.requireNonNull(type, "type");
  }

  public static Outcome of(String type, boolean status, String reason, String message) {
    return new Outcome(type, status, reason, message, null);
  }

  /** The same outcome, looked at again at {@code at}. */
  public Outcome recheckedAt(Instant at) {
    return new Outcome(type, status, reason, message, at);
  }

  /** How long until the earliest of the outcomes wants another look; empty when none does. */
  public static Optional<Duration> earliestRecheck(Collection<Outcome> outcomes, Clock clock) {
    return outcomes.stream().map(Outcome::recheckAt).filter(Objects::nonNull).min(Instant::compareTo)
        .map(at -> Duration.between(clock.instant(), at)).map(d -> d.isNegative() ? OVERDUE : d);
  }
}
