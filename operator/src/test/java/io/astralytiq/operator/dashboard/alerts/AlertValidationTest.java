package io.astralytiq.operator.dashboard.alerts;

import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.alert;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.availability;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.errorRate;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.latency;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.AlertSpec;
import io.astralytiq.api.v1alpha1.AlertSpec.AlertType;
import io.astralytiq.api.v1alpha1.AutoscalingSpec;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mistakes the schema lets through: each leaves its alert out with a problem naming the alert and the field, and
 * the dashboard's other alerts are still served.
 */
class AlertValidationTest {

  @ParameterizedTest(name = "{0} threshold {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Latency      | 5%    | "5%" is not a time; a Latency threshold is a response time written like 500ms or 2s
      Latency      | 0.5   | "0.5" is not a time
      Latency      | 0ms   | 0ms would fire on every request
      ErrorRate    | 500ms | "500ms" is not a percentage; an ErrorRate threshold is the share of failed requests
      ErrorRate    | 0.05  | "0.05" is not a percentage
      ErrorRate    | 150%  | 150% can never be exceeded; an ErrorRate threshold is below 100%
      ErrorRate    | 100%  | 100% can never be exceeded
      Availability | 1.5   | "1.5" is not a number of pods; an Availability threshold is a whole number of pods
      Availability | 2%    | "2%" is not a number of pods
      Availability | 1s    | "1s" is not a number of pods
      Availability | 0     | "0" is not a number of pods
      Availability | 3     | it asks for at least 3 pods up but the dashboard runs at most 2, so the alert would always fire
      """)
  void aThresholdInTheWrongUnitOrOutOfRange(AlertType type, String threshold, String expected) {
    assertOnlyBadIsLeftOut(alert("Bad", type, threshold), "threshold", expected);
  }

  @ParameterizedTest(name = "percentile {0}")
  @CsvSource({"0", "0.0", ".0", "1", "1.0", "1.5", "ninety"})
  void aPercentileOutsideZeroToOne(String percentile) {
    AlertSpec slow = latency("Bad", "500ms");
    slow.setPercentile(percentile);

    assertOnlyBadIsLeftOut(slow, "percentile", "\"" + percentile + "\" is not a percentile; write one between 0 and 1");
  }

  @Test
  void aWindowTooShortForTwoScrapes() {
    AlertSpec fast = errorRate("Bad", "5%");
    fast.setWindow("30s");

    assertOnlyBadIsLeftOut(fast, "window", "30s is shorter than 1m (two scrape intervals: over less, the rate has no"
        + " two samples to compare and the alert never fires)");
  }

  @ParameterizedTest(name = "window {0}")
  @CsvSource({"5 minutes", "0s", "''"})
  void aWindowThatIsNoDuration(String window) {
    AlertSpec slow = latency("Bad", "1s");
    slow.setWindow(window);

    assertOnlyBadIsLeftOut(slow, "window", window.equals("0s") ? "0s is shorter than 1m"
        : "\"" + window + "\" is not a duration; write it like 30s, 5m or 1h30m");
  }

  @Test
  void aForThatIsNoDuration() {
    AlertSpec soon = errorRate("Bad", "5%");
    soon.setForDuration("soon");

    assertOnlyBadIsLeftOut(soon, "for", "\"soon\" is not a duration");
  }

  @Test
  void aReadyMadeAlertWithoutThreshold() {
    assertOnlyBadIsLeftOut(alert("Bad", AlertType.Latency, null), "threshold", "Latency alerts need a threshold");
  }

  @Test
  void anAlertWithoutType() {
    assertOnlyBadIsLeftOut(alert("Bad", null, "5%"), "type", "the alert needs a type");
  }

  @Test
  void aDuplicateNameLeavesTheLaterAlertOut() {
    AlertRules rules = AlertRules.from(model(2, errorRate("Errors", "5%"), latency("Errors", "1s")),
        AlertSettings.DEFAULTS);

    assertThat(served(rules)).singleElement().satisfies(rule -> assertThat(rule.getExpr().getStrVal())
        .contains("status=~"));
    assertThat(rules.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.field()).isEqualTo("spec.alerts[1].name");
      assertThat(problem.message()).isEqualTo("alert Errors (spec.alerts[1].name): spec.alerts[0] has the same name;"
          + " alert names are unique within a dashboard");
    });
  }

  @Test
  void everyMistakeOfOneAlertIsReportedAtOnce() {
    AlertSpec bad = latency("Bad", "5%");
    bad.setPercentile("1");
    bad.setWindow("10s");
    bad.setForDuration("later");

    AlertRules rules = AlertRules.from(model(1, bad), AlertSettings.DEFAULTS);

    assertThat(rules.problems()).extracting(AlertProblem::field).containsExactlyInAnyOrder("spec.alerts[0].threshold",
        "spec.alerts[0].percentile", "spec.alerts[0].window", "spec.alerts[0].for");
    assertThat(rules.prometheusRule()).as("nothing left to serve").isEmpty();
    assertThat(rules.reason()).isEqualTo(DashboardConditions.REASON_ALERT_INVALID);
    assertThat(rules.message()).endsWith("(0 of 1 alerts served)");
  }

  @Test
  void availabilityIsMeasuredAgainstTheAutoscalersMaximum() {
    DashboardSpec spec = new DashboardSpec();
    AutoscalingSpec autoscaling = new AutoscalingSpec();
    autoscaling.setMinReplicas(2);
    autoscaling.setMaxReplicas(4);
    spec.setAutoscaling(autoscaling);
    spec.setAlerts(List.of(availability("Four", "4"), availability("Five", "5")));

    AlertRules rules = AlertRules.from(model(spec), AlertSettings.DEFAULTS);

    assertThat(served(rules)).extracting(Rule::getAlert).containsExactly("Four");
    assertThat(rules.problems()).extracting(AlertProblem::alert).containsExactly("Five");
  }

  private static void assertOnlyBadIsLeftOut(AlertSpec bad, String field, String expected) {
    AlertRules rules = AlertRules.from(model(2, bad, errorRate("Good", "5%")), AlertSettings.DEFAULTS);

    assertThat(served(rules)).extracting(Rule::getAlert).containsExactly("Good");
    assertThat(rules.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.alert()).isEqualTo("Bad");
      assertThat(problem.field()).isEqualTo("spec.alerts[0]." + field);
      assertThat(problem.reason()).isEqualTo(DashboardConditions.REASON_ALERT_INVALID);
      assertThat(problem.message()).startsWith("alert Bad (spec.alerts[0]." + field + "): ").contains(expected);
    });
    assertThat(rules.valid()).isFalse();
    assertThat(rules.reason()).isEqualTo(DashboardConditions.REASON_ALERT_INVALID);
    assertThat(rules.message()).isEqualTo(rules.problems().get(0).message()
        + " (1 of 2 alerts served by PrometheusRule sales)");
  }

  private static List<Rule> served(AlertRules rules) {
    return AlertRulesTest.rules(rules);
  }
}
