package io.astralytiq.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private static final Clock EARLY = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
  private static final Clock LATE = Clock.fixed(Instant.parse("2026-01-01T11:00:00Z"), ZoneOffset.UTC);

  @Test
  void theTransitionTimeMovesOnlyWhenTheStatusFlips() {
    List<Condition> first = new Conditions(List.of(), 1, EARLY).set("Ready", false, "RollingOut", "1 of 2").build();
    List<Condition> sameStatus = new Conditions(first, 2, LATE).set("Ready", false, "Unavailable", "0 of 2").build();
    List<Condition> flipped = new Conditions(sameStatus, 2, LATE).set("Ready", true, "RolledOut", "2 of 2").build();

    assertThat(sameStatus.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(sameStatus.get(0).getReason()).isEqualTo("Unavailable");
    assertThat(sameStatus.get(0).getObservedGeneration()).isEqualTo(2L);
    assertThat(flipped.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T11:00:00Z");
  }

  @Test
  void oneConditionPerType() {
    List<Condition> conditions = new Conditions(List.of(), 1, EARLY)
        .set("Ready", false, "RollingOut", "a").set("Ready", true, "RolledOut", "b").set("Available", true, "Up", "c")
        .build();

    assertThat(conditions).extracting(Condition::getType).containsExactly("Ready", "Available");
    assertThat(Conditions.isTrue(conditions, "Ready")).isTrue();
  }
}
