package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.v1alpha1.AlertSpec;
import io.astralytiq.api.v1alpha1.AlertSpec.AlertType;
import io.astralytiq.api.v1alpha1.AutoscalingSpec;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Each alert type's rule body from its fields, checking what the schema cannot: that the threshold is in the
 * type's unit and in range, and that the percentile and window can work.
 */
final class RuleBodies {

  static final String DEFAULT_PERCENTILE = "0.95";
  /** AlertSpec's default, for an alert whose window was set to null rather than left out. */
  static final String DEFAULT_WINDOW = "5m";
  private static final String NOT_COUNTED = " Probes and metrics scrapes are not counted.";

  private final DashboardModel model;
  private final AlertSettings settings;
  private final RuleExpressions expressions;
  private final String dashboard;

  RuleBodies(DashboardModel model, AlertSettings settings) {
    this.model = model;
    this.settings = settings;
    this.expressions = new RuleExpressions(model.namespace(), DashboardNames.service(model.dashboard()));
    this.dashboard = model.namespace() + "/" + model.name();
  }

  /** The body of the alert's type; empty, with the reasons in {@code check}, when its fields are wrong. */
  Optional<RuleBody> of(AlertCheck check, String forText) {
    AlertType type = check.alert().getType();
    if (type != AlertType.Custom && check.alert().getThreshold() == null) {
      // The schema requires it; a Dashboard stored before that rule was added may still lack it.
      check.fail("threshold", type + " alerts need a threshold");
      return Optional.empty();
    }
    return switch (type) {
      case Availability -> availability(check, forText);
      case ErrorRate -> errorRate(check, forText);
      case Latency -> latency(check, forText);
      case Custom -> custom(check, forText);
    };
  }

  private Optional<RuleBody> availability(AlertCheck check, String forText) {
    String text = check.alert().getThreshold();
    Optional<Integer> pods = Threshold.parse(text).filter(t -> t.unit().isEmpty()).flatMap(t -> wholeNumber(t.value()));
    Optional<Integer> most = mostPods();
    if (pods.isEmpty() || pods.get() < 1) {
      check.fail("threshold", "\"" + text + "\" is not a number of pods; an Availability threshold is a whole"
          + " number of pods, at least 1");
      return Optional.empty();
    } else if (most.isPresent() && pods.get() > most.get()) {
      check.fail("threshold", "it asks for at least " + pods.get() + " pods up but the dashboard runs at most "
          + most.get() + ", so the alert would always fire");
      return Optional.empty();
    }
    int least = pods.get();
    String summary = "Dashboard " + dashboard + (least == 1 ? " has no pod up" : " has fewer than " + least + " pods up");
    String description = "Pods of dashboard " + dashboard + " answering Prometheus' scrapes: {{ $value }} for the"
        + " last " + forText + ", fewer than the " + least + " the alert asks for.";
    return Optional.of(new RuleBody(expressions.availability(least), summary, description));
  }

  private Optional<RuleBody> errorRate(AlertCheck check, String forText) {
    String text = check.alert().getThreshold();
    Optional<Threshold> percent = Threshold.parse(text).filter(t -> t.unit().equals("%"));
    if (percent.isEmpty()) {
      // One way to write it: a bare 5 or 0.05 could each be meant as the other.
      check.fail("threshold", "\"" + text + "\" is not a percentage; an ErrorRate threshold is the share of failed"
          + " requests written like 5% or 0.5%");
    } else if (percent.get().value().compareTo(BigDecimal.valueOf(100)) >= 0) {
      check.fail("threshold", text + " can never be exceeded; an ErrorRate threshold is below 100%");
    }
    Optional<String> window = window(check);
    if (check.failed() || window.isEmpty()) {
      return Optional.empty();
    }
    String summary = "Dashboard " + dashboard + " fails more than " + text + " of requests";
    String description = "{{ $value | humanizePercentage }} of the requests to dashboard " + dashboard
        + " over the last " + window.get() + " were answered with a server error (5xx), above " + text + " for "
        + forText + "." + NOT_COUNTED;
    BigDecimal ratio = percent.get().value().movePointLeft(2);
    return Optional.of(new RuleBody(expressions.errorRate(ratio, window.get()), summary, description));
  }

  private Optional<RuleBody> latency(AlertCheck check, String forText) {
    String text = check.alert().getThreshold();
    Optional<BigDecimal> seconds = Threshold.parse(text).filter(t -> !t.unit().isEmpty() && !t.unit().equals("%"))
        .map(t -> t.unit().equals("ms") ? t.value().movePointLeft(3) : t.value());
    if (seconds.isEmpty()) {
      check.fail("threshold", "\"" + text + "\" is not a time; a Latency threshold is a response time written like"
          + " 500ms or 2s");
    } else if (seconds.get().signum() == 0) {
      check.fail("threshold", text + " would fire on every request; a Latency threshold is above zero");
    }
    Optional<BigDecimal> quantile = percentile(check);
    Optional<String> window = window(check);
    if (check.failed() || quantile.isEmpty() || window.isEmpty()) {
      return Optional.empty();
    }
    String name = "p" + Threshold.promql(quantile.get().movePointRight(2));
    String slower = Threshold.promql(BigDecimal.ONE.subtract(quantile.get()).movePointRight(2)) + "%";
    String summary = "Dashboard " + dashboard + " answers slower than " + text + " (" + name + ")";
    String description = "The " + name + " response time of dashboard " + dashboard + " over the last "
        + window.get() + " is {{ $value | humanizeDuration }}, above " + text + " for " + forText + ": " + slower
        + " of the requests took longer." + NOT_COUNTED;
    return Optional.of(new RuleBody(expressions.latency(quantile.get(), seconds.get(), window.get()), summary,
        description));
  }

  /**
   * The expression as the user wrote it. It is not parsed here: only Prometheus' own parser (promtool) knows PromQL,
   * and it cannot run in the operator; a Prometheus Operator with its admission webhook refuses a broken expression
   * when the PrometheusRule is applied, and Prometheus otherwise reports the rule file as failed to load.
   */
  private Optional<RuleBody> custom(AlertCheck check, String forText) {
    AlertSpec alert = check.alert();
    if (alert.getExpr() == null || alert.getExpr().isBlank()) {
      check.fail("expr", "a Custom alert needs a PromQL expression");
      return Optional.empty();
    }
    String summary = "Alert " + alert.getName() + " of dashboard " + dashboard + " is firing";
    String description = "The expression of custom alert " + alert.getName() + " on dashboard " + dashboard
        + " has returned {{ $value }} for " + forText + ".";
    return Optional.of(new RuleBody(alert.getExpr().strip(), summary, description));
  }

  private Optional<BigDecimal> percentile(AlertCheck check) {
    String text = check.alert().getPercentile() == null ? DEFAULT_PERCENTILE : check.alert().getPercentile();
    Optional<BigDecimal> quantile = decimal(text)
        .filter(q -> q.signum() > 0 && q.compareTo(BigDecimal.ONE) < 0);
    if (quantile.isEmpty()) {
      check.fail("percentile", "\"" + text + "\" is not a percentile; write one between 0 and 1, such as 0.95 or 0.99");
    }
    return quantile;
  }

  private Optional<String> window(AlertCheck check) {
    String text = check.alert().getWindow() == null ? DEFAULT_WINDOW : check.alert().getWindow();
    return check.duration("window", text, settings.shortestWindow(),
        "two scrape intervals: over less, the rate has no two samples to compare and the alert never fires");
  }

  /** The most pods the dashboard can run, which an Availability threshold must not exceed. */
  private Optional<Integer> mostPods() {
    Optional<AutoscalingSpec> autoscaling = model.autoscaling();
    return autoscaling.isPresent() ? Optional.ofNullable(autoscaling.get().getMaxReplicas()) : model.fixedReplicas();
  }

  private static Optional<Integer> wholeNumber(BigDecimal value) {
    try {
      return Optional.of(value.intValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static Optional<BigDecimal> decimal(String text) {
    try {
      return Optional.of(new BigDecimal(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
