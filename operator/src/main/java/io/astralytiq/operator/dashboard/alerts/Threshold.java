package io.astralytiq.operator.dashboard.alerts;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alert's threshold as written: a number and an optional unit (%, ms or s), the shape the CRD's pattern allows.
 * Which unit is right depends on the alert type, which only the operator knows.
 *
 * @param value the number
 * @param unit "%", "ms", "s", or "" for a plain number
 */
record Threshold(BigDecimal value, String unit) {

  private static final Pattern FORM = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(%|ms|s)?");

  static Optional<Threshold> parse(String text) {
    Matcher matcher = text == null ? null : FORM.matcher(text.strip());
    if (matcher == null || !matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Threshold(new BigDecimal(matcher.group(1)), matcher.group(2) == null ? "" : matcher.group(2)));
  }

  /** A number as PromQL reads it, without exponent or trailing zeros: 0.05, 2, 0.125. */
  static String promql(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
