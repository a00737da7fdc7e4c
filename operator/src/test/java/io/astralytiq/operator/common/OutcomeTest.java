package io.astralytiq.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the outcomes of a reconcile want the next look. */
class OutcomeTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void theEarliestRecheckWins() {
    List<Outcome> outcomes = List.of(Outcome.of("Ready", true, "RolledOut", "ok"),
        Outcome.of("TLSReady", true, "Valid", "ok").recheckedAt(NOW.plus(Duration.ofDays(20))),
        Outcome.of("Ready", false, "SecretNotFound", "missing").recheckedAt(NOW.plusSeconds(30)));

    assertThat(Outcome.earliestRecheck(outcomes, CLOCK)).contains(Duration.ofSeconds(30));
  }

  @Test
  void aRecheckDueAlreadyIsASecondAwayAndNoneIsEmpty() {
    assertThat(Outcome.earliestRecheck(List.of(Outcome.of("TLSReady", false, "Expired", "late")
        .recheckedAt(NOW.minusSeconds(5))), CLOCK)).contains(Duration.ofSeconds(1));
    assertThat(Outcome.earliestRecheck(List.of(Outcome.of("Ready", true, "RolledOut", "ok")), CLOCK)).isEmpty();
  }
}
