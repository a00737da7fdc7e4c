package io.astralytiq.operator.dashboard.alerts;

import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.availability;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.errorRate;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.latency;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.runtime.RuntimeMetrics;
import io.astralytiq.api.v1alpha1.AlertSpec;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.testing.Promtool;
import io.astralytiq.testing.Command;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ready-made rules mean what their names say: Prometheus evaluates them (promtool test rules) over made-up series
 * of the dashboard, of another dashboard and of the actuator, and the alerts that fire, with their rendered
 * annotations, are compared with the expected ones.
 */
class AlertRulesFireIT {

  /** The made-up series are one sample a minute, so the rules are built for a one-minute scrape interval. */
  private static final AlertSettings EVERY_MINUTE = new AlertSettings(OperatorConfig.DEFAULT_RUNBOOK_BASE_URL,
      Duration.ofMinutes(1), Map.of());
  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static Promtool promtool;

  @TempDir
  Path dir;

  @BeforeAll
  static void findPromtool() {
    promtool = Promtool.installed();
  }

  @Test
  void availabilityFiresWhenTooFewPodsAnswerAndWhenNoneDo() {
    List<Rule> rules = rules(model(3, withFor(availability("FewPods", "2")), withFor(availability("NoPodUp", "1"))));
    List<Map<String, Object>> onePodUp = List.of(
        series("up", "sales", "pod", "a", "1x20"),
        series("up", "sales", "pod", "b", "1x3 0x17"),
        series("up", "kpi", "pod", "a", "1x20"),
        series("up", "kpi", "pod", "b", "1x20"));
    List<Map<String, Object>> otherDashboardOnly = onePodUp.subList(2, 4);

    assertFires(rules, onePodUp, List.of(expected(rules.get(0), "1")));
    assertFires(rules, otherDashboardOnly, List.of(expected(rules.get(0), "0"), expected(rules.get(1), "0")));
  }

  @Test
  void errorRateCountsTheServerErrorsOfUsersRequestsOnly() {
    List<Rule> rules = rules(model(1, withFor(errorRate("HighErrorRate", "5%")), withFor(errorRate("Rare", "20%"))));
    String requests = RuntimeMetrics.HTTP_REQUESTS_SECONDS_COUNT;
    // 10 of 100 user requests a minute fail: 10%. Counting the probes would make it 0.1%, counting kpi's 90%.
    List<Map<String, Object>> input = List.of(
        series(requests, "sales", "uri", "/orders", RuntimeMetrics.TAG_STATUS, "200", "0+85x20"),
        series(requests, "sales", "uri", "/missing", RuntimeMetrics.TAG_STATUS, "404", "0+5x20"),
        series(requests, "sales", "uri", "/orders", RuntimeMetrics.TAG_STATUS, "500", "0+10x20"),
        series(requests, "sales", "uri", "/actuator/prometheus", RuntimeMetrics.TAG_STATUS, "200", "0+10000x20"),
        series(requests, "kpi", "uri", "/orders", RuntimeMetrics.TAG_STATUS, "503", "0+1000x20"));

    assertFires(rules, input, List.of(expected(rules.get(0), "10%")));
  }

  @Test
  void latencyFiresOnTheChosenPercentileOfUsersRequests() {
    List<Rule> rules = rules(model(1, withFor(latency("Slow", "500ms")), withFor(latency("VerySlow", "1s"))));
    String buckets = RuntimeMetrics.HTTP_REQUESTS_SECONDS_BUCKET;
    // Every user request takes between 0.5s and 1s, so p95 is 0.975s by linear interpolation; the probes are fast.
    List<Map<String, Object>> input = new ArrayList<>();
    for (String le : List.of("0.1", "0.5", "1", "+Inf")) {
      String users = le.equals("0.1") || le.equals("0.5") ? "0x20" : "0+100x20";
      input.add(series(buckets, "sales", "uri", "/", "le", le, users));
      input.add(series(buckets, "sales", "uri", "/actuator/health/{*path}", "le", le, "0+10000x20"));
    }

    assertFires(rules, input, List.of(expected(rules.get(0), "975ms")));
  }

  /** Evaluates the rules at minute 10 over the input; the alerts firing must be exactly the expected ones. */
  private void assertFires(List<Rule> rules, List<Map<String, Object>> input, List<Map<String, Object>> firing) {
    List<Map<String, Object>> checks = new ArrayList<>();
    for (Rule rule : rules) {
      List<Map<String, Object>> mine = firing.stream().filter(alert -> alert.get("alertname").equals(rule.getAlert()))
          .map(AlertRulesFireIT::withoutName).toList();
      checks.add(Map.of("eval_time", "10m", "alertname", rule.getAlert(), "exp_alerts", mine));
    }
    Map<String, Object> test = Map.of("interval", "1m", "input_series", input, "alert_rule_test", checks);
    Path testFile = Promtool.write(dir.resolve("test.yaml"), YAML.asYaml(Map.of(
        "rule_files", List.of("rules.yaml"), "evaluation_interval", "1m", "tests", List.of(test))));

    Command.Result result = promtool.testRules(testFile);

    assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
  }

  private List<Rule> rules(DashboardModel model) {
    AlertRules rules = AlertRules.from(model, EVERY_MINUTE);
    assertThat(rules.problems()).isEmpty();
    Promtool.write(dir.resolve("rules.yaml"), YAML.asYaml(rules.prometheusRule().orElseThrow().getSpec()));
    return AlertRulesTest.rules(rules);
  }

  /** The alert the rule raises, its annotations rendered with the value the series give. */
  private static Map<String, Object> expected(Rule rule, String renderedValue) {
    Map<String, String> annotations = new LinkedHashMap<>();
    rule.getAnnotations().forEach((key, text) -> annotations.put(key, text.replaceAll("\\{\\{ \\$value[^}]*}}",
        renderedValue)));
    return Map.of("alertname", rule.getAlert(), "exp_labels", rule.getLabels(), "exp_annotations", annotations);
  }

  private static Map<String, Object> withoutName(Map<String, Object> alert) {
    Map<String, Object> copy = new LinkedHashMap<>(alert);
    copy.remove("alertname");
    return copy;
  }

  private static AlertSpec withFor(AlertSpec alert) {
    alert.setForDuration("2m");
    return alert;
  }

  /** A series of one service of the dashboards' namespace, with more label pairs, then its values last. */
  private static Map<String, Object> series(String metric, String service, String... labelsThenValues) {
    StringBuilder labels = new StringBuilder("namespace=\"" + AlertDashboards.NAMESPACE + "\",service=\"" + service
        + "\"");
    for (int i = 0; i + 1 < labelsThenValues.length; i += 2) {
      labels.append(',').append(labelsThenValues[i]).append("=\"").append(labelsThenValues[i + 1]).append('"');
    }
    return Map.of("series", metric + "{" + labels + "}", "values", labelsThenValues[labelsThenValues.length - 1]);
  }
}
