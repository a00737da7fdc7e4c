package io.astralytiq.operator.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations as the CRD accepts them, written as Prometheus parses them. */
class PromDurationTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "5m, 5m", "30s, 30s", "0s, 0s", "90m, 1h30m", "30s5m, 5m30s", "1m1m, 2m", "1500ms, 1s500ms", "2d, 2d",
      "36h, 1d12h", "1h0m, 1h"})
  void writtenAsPrometheusParsesIt(String schema, String prometheus) {
    assertThat(PromDuration.parse(schema).map(PromDuration::format)).contains(prometheus);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"5", "5 m", "1.5h", "5M", "-5m", "1w", "''", "99999999999999999999d", "9999999999999999d"})
  void notADuration(String text) {
    assertThat(PromDuration.parse(text)).isEmpty();
  }

  @Test
  void nullIsNoDuration() {
    assertThat(PromDuration.parse(null)).isEmpty();
    assertThat(PromDuration.format(Duration.ofSeconds(75))).isEqualTo("1m15s");
  }
}
