package io.astralytiq.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** When the store's resource version counts as gone back. */
class RewindGuardTest {

  @Test
  void aVersionBelowTheHighestSeenIsARewindNamingBoth() {
    RewindGuard guard = guardReading(OptionalLong.of(500), OptionalLong.of(900), OptionalLong.of(400));

    assertThat(guard.check()).isEmpty();
    assertThat(guard.check()).isEmpty();
    assertThat(guard.check()).hasValueSatisfying(message -> assertThat(message)
        .contains("went back from 900 to 400").contains("restored from a backup"));
  }

  @Test
  void theSameVersionOrAJumpForwardIsNot() {
    // A restore with etcdutl --bump-revision jumps far ahead: the watches list again by themselves.
    RewindGuard guard = guardReading(OptionalLong.of(900), OptionalLong.of(900),
        OptionalLong.of(1_000_000_900L));

    assertThat(List.of(guard.check(), guard.check(), guard.check())).allMatch(java.util.Optional::isEmpty);
  }

  @Test
  void aVersionThatIsNoIntegerIsSkippedAndForgetsNothing() {
    RewindGuard guard = guardReading(OptionalLong.of(900), RewindGuard.parse("opaque-v1"),
        RewindGuard.parse(null), RewindGuard.parse("899"));

    assertThat(guard.check()).isEmpty();
    assertThat(guard.check()).isEmpty();
    assertThat(guard.check()).isEmpty();
    assertThat(guard.check()).hasValueSatisfying(message -> assertThat(message).contains("from 900 to 899"));
  }

  private static RewindGuard guardReading(OptionalLong... versions) {
    Queue<OptionalLong> reads = new ArrayDeque<>(List.of(versions));
    return new RewindGuard(reads::remove);
  }
}
