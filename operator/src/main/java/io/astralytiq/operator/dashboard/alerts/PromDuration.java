package io.astralytiq.operator.dashboard.alerts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the CRD accepts them (ApiGroup.DURATION: 30s, 5m, 1h30m), written again in the one form Prometheus
 * parses. The schema lets units come in any order and repeat (5m1h, 1m1m), which Prometheus refuses; what the user
 * meant is the sum, so it is written from the largest unit down.
 */
final class PromDuration {

  private static final Pattern WHOLE = Pattern.compile("([0-9]+(ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d)");
  /** Units largest first, as Prometheus wants them written, with their length in milliseconds. */
  private static final Map<String, Long> UNITS = new LinkedHashMap<>();

  static {
    UNITS.put("d", 86_400_000L);
    UNITS.put("h", 3_600_000L);
    UNITS.put("m", 60_000L);
    UNITS.put("s", 1_000L);
    UNITS.put("ms", 1L);
  }

  private PromDuration() {}

  /** The duration written, or empty when it is not one or too long to count in milliseconds. */
  static Optional<Duration> parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      long millis = 0;
      Matcher part = PART.matcher(text);
      while (part.find()) {
        millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(part.group(1)), UNITS.get(part.group(2))));
      }
      return Optional.of(Duration.ofMillis(millis));
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Prometheus' form: 1h30m, 90s is 1m30s, zero is 0s. */
  static String format(Duration duration) {
    long left = duration.toMillis();
    if (left == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Long> unit : UNITS.entrySet()) {
      if (left >= unit.getValue()) {
        text.append(left / unit.getValue()).append(unit.getKey());
        left %= unit.getValue();
      }
    }
    return text.toString();
  }
}
