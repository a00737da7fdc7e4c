package io.astralytiq.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(15), Duration.ofMinutes(2));

  @Test
  void doublesWithEachFailureInARowUpToTheCap() {
    assertThat(IntStream.rangeClosed(1, 6).mapToObj(backoff::after)).containsExactly(Duration.ofSeconds(15),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(2),
        Duration.ofMinutes(2));
  }

  @Test
  void staysAtTheCapHoweverLongTheSourceIsAway() {
    assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aCapBelowTheFirstDelayKeepsTheFirstDelay() {
    assertThat(new RetryBackoff(Duration.ofSeconds(15), Duration.ofSeconds(5)).after(3))
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void noDelayStaysNoDelay() {
    assertThat(new RetryBackoff(Duration.ZERO, Duration.ofMinutes(2)).after(10)).isEqualTo(Duration.ZERO);
  }
}
