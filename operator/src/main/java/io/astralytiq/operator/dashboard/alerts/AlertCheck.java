package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.v1alpha1.AlertSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is wrong with one alert, collected field by field rather than stopping at the first mistake, so a user fixes
 * them all in one edit.
 */
final class AlertCheck {

  private final int index;
  private final AlertSpec alert;
  private final List<AlertProblem> problems = new ArrayList<>();

  AlertCheck(int index, AlertSpec alert) {
    this.index = index;
    this.alert = alert;
  }

  AlertSpec alert() {
    return alert;
  }

  void fail(String field, String detail) {
    problems.add(AlertProblem.of(index, alert.getName(), field, detail));
  }

  boolean failed() {
    return !problems.isEmpty();
  }

  List<AlertProblem> problems() {
    return List.copyOf(problems);
  }

  /** A duration field in Prometheus' form, or a problem when it is no duration. */
  Optional<String> duration(String field, String text) {
    return duration(field, text, Duration.ZERO, "");
  }

  /** A duration field in Prometheus' form, or a problem when it is no duration or shorter than {@code least}. */
  Optional<String> duration(String field, String text, Duration least, String whyLeast) {
    Optional<Duration> parsed = PromDuration.parse(text);
    if (parsed.isEmpty()) {
      fail(field, "\"" + text + "\" is not a duration; write it like 30s, 5m or 1h30m");
    } else if (parsed.get().compareTo(least) < 0) {
      fail(field, text + " is shorter than " + PromDuration.format(least) + " (" + whyLeast + ")");
      return Optional.empty();
    }
    return parsed.map(PromDuration::format);
  }
}
