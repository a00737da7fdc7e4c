package io.astralytiq.operator.dashboard.alerts;

import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.availability;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.custom;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.errorRate;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.latency;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.runtime.RuntimeMetrics;
import io.astralytiq.api.v1alpha1.AlertSpec.AlertType;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.alerts.AlertDashboards.Scenario;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.testing.GoldenFiles;
import io.astralytiq.testing.Project;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Alerts in, one PrometheusRule out, compared with golden YAML; then what every rule must carry. */
class AlertRulesTest {

  static List<Scenario> scenarios() {
    return AlertDashboards.scenarios();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyScenarioMatchesItsGoldenFile(Scenario scenario) {
    AlertRules rules = scenario.rules();

    assertThat(rules.problems()).isEmpty();
    assertThat(rules.reason()).isEqualTo(DashboardConditions.REASON_ALERTS_APPLIED);
    GoldenFiles.assertMatches("alerts/" + scenario.name(), rules.prometheusRule().orElseThrow());
  }

  @Test
  void oneGroupNamedAfterTheDashboardWithOneRuleEachInTheirOrder() {
    AlertRules rules = AlertDashboards.scenario("all-types").rules();
    PrometheusRule rule = rules.prometheusRule().orElseThrow();

    assertThat(rule.getMetadata().getName()).isEqualTo(DashboardNames.prometheusRule(AlertDashboards.scenario("all-types").model()
        .dashboard()));
    assertThat(rule.getSpec().getGroups()).singleElement().satisfies(group -> {
      assertThat(group.getName()).isEqualTo(AlertDashboards.NAME);
      assertThat(group.getRules()).extracting(Rule::getAlert)
          .containsExactly("NoPodUp", "HighErrorRate", "SlowPages", "NoLiveClients");
    });
    assertThat(rules.served()).isEqualTo(4);
    assertThat(rules.message()).isEqualTo("4 of 4 alerts served by PrometheusRule sales");
  }

  @Test
  void everyRuleIsLabelledForRoutingAndLinksItsRunbook() {
    for (Rule rule : rules(AlertDashboards.scenario("all-types").rules())) {
      assertThat(rule.getLabels()).containsOnlyKeys("tenant", "namespace", "dashboard", "severity")
          .containsEntry("tenant", AlertDashboards.TENANT)
          .containsEntry("namespace", AlertDashboards.NAMESPACE)
          .containsEntry("dashboard", AlertDashboards.NAME);
      assertThat(rule.getLabels().get("severity")).isIn("info", "warning", "critical");
      assertThat(rule.getAnnotations()).containsOnlyKeys("summary", "description", "runbook_url");
      assertThat(rule.getAnnotations().get("description")).contains(AlertDashboards.NAMESPACE + "/"
          + AlertDashboards.NAME);
      assertThat(rule.getAnnotations().get("runbook_url")).startsWith(OperatorConfig.DEFAULT_RUNBOOK_BASE_URL + "#");
    }
  }

  @Test
  void aDashboardOfNoTenantHasNoTenantLabel() {
    DashboardModel owned = model(1, errorRate("HighErrorRate", "5%"));
    DashboardModel orphan = new DashboardModel(owned.dashboard(), owned.config(), null, null, null, false, null,
        Set.of());

    assertThat(rules(AlertRules.from(orphan, AlertSettings.DEFAULTS)).get(0).getLabels())
        .doesNotContainKey("tenant");
  }

  @Test
  void runbooksAreTheSectionsOfDocsAlertsPerType() throws IOException {
    List<String> headings = Files.readAllLines(Project.path("docs/alerts.md")).stream()
        .filter(line -> line.startsWith("## ")).map(line -> line.substring(3).strip()).toList();

    assertThat(OperatorConfig.DEFAULT_RUNBOOK_BASE_URL).endsWith("/docs/alerts.md");
    for (AlertType type : AlertType.values()) {
      // GitHub's anchor of a heading is the heading in lower case: one word per type keeps them equal.
      assertThat(headings).contains(type.name());
      assertThat(AlertSettings.DEFAULTS.runbookUrl(type)).endsWith("#" + type.name().toLowerCase());
    }
  }

  @Test
  void aRunbookBaseOfOurOwnKeepsTheAnchors() {
    AlertSettings own = new AlertSettings("https://wiki.acme.example/runbooks/astralytiq", Duration.ofSeconds(30),
        Map.of());

    assertThat(rules(AlertRules.from(model(1, latency("Slow", "1s")), own)).get(0).getAnnotations())
        .containsEntry("runbook_url", "https://wiki.acme.example/runbooks/astralytiq#latency");
  }

  @Test
  void readyMadeRulesSelectTheDashboardsServiceAndTheRuntimesMetrics() {
    String selector = "namespace=\"" + AlertDashboards.NAMESPACE + "\",service=\""
        + DashboardNames.service(AlertDashboards.scenario("all-types").model().dashboard()) + "\"";
    List<String> exprs = rules(AlertDashboards.scenario("all-types").rules()).stream().map(rule -> rule.getExpr().getStrVal()).toList();

    assertThat(exprs.get(0)).isEqualTo("(count(up{" + selector + "} == 1) or vector(0)) < 1");
    assertThat(exprs.get(1)).contains(RuntimeMetrics.HTTP_REQUESTS_SECONDS_COUNT + "{" + selector + ",")
        .contains(RuntimeMetrics.TAG_STATUS + "=~\"5..\"").endsWith(" > 0.05");
    assertThat(exprs.get(2)).startsWith("histogram_quantile(0.99, sum by (le) (rate("
        + RuntimeMetrics.HTTP_REQUESTS_SECONDS_BUCKET + "{" + selector + ",").contains("[10m]").endsWith(" > 0.5");
  }

  @Test
  void theProbesAndTheMetricsScrapeAreNotUserRequests() {
    for (String path : List.of(RuntimeContract.READINESS_PATH, RuntimeContract.LIVENESS_PATH,
        RuntimeContract.METRICS_PATH)) {
      assertThat(path).matches(RuleExpressions.ACTUATOR_URIS);
    }
    assertThat("/").doesNotMatch(RuleExpressions.ACTUATOR_URIS);
    assertThat(rules(AlertDashboards.scenario("all-types").rules()).subList(1, 3))
        .allSatisfy(rule -> assertThat(rule.getExpr().getStrVal()).contains("uri!~\"/actuator/.*\""));
  }

  @Test
  void aCustomExpressionIsServedAsWritten() {
    String expr = "  sum(rate(my_jobs_failed_total[5m])) > 0\n";

    assertThat(rules(AlertRules.from(model(1, custom("JobsFail", expr)), AlertSettings.DEFAULTS)).get(0)
        .getExpr().getStrVal()).isEqualTo("sum(rate(my_jobs_failed_total[5m])) > 0");
  }

  @Test
  void noAlertsNoPrometheusRule() {
    AlertRules rules = AlertRules.from(model(new DashboardSpec()), AlertSettings.DEFAULTS);

    assertThat(rules.prometheusRule()).isEmpty();
    assertThat(rules.valid()).isTrue();
    assertThat(rules.reason()).isEqualTo(DashboardConditions.REASON_NO_ALERTS);
  }

  @Test
  void aSuspendedDashboardPausesItsAvailabilityAlertsOnly() {
    DashboardModel running = model(2, availability("PodsDown", "1"), errorRate("HighErrorRate", "5%"));
    running.spec().setSuspend(true);

    AlertRules rules = AlertRules.from(running, AlertSettings.DEFAULTS);

    assertThat(rules(rules)).extracting(Rule::getAlert).containsExactly("HighErrorRate");
    assertThat(rules.paused()).containsExactly("PodsDown");
    assertThat(rules.valid()).isTrue();
    assertThat(rules.message()).isEqualTo("1 of 2 alerts served by PrometheusRule sales;"
        + " paused while the dashboard is suspended: PodsDown");
  }

  @Test
  void monitoringLabelsAreAddedWithoutReplacingTheOperatorsOwn() {
    AlertSettings settings = new AlertSettings(OperatorConfig.DEFAULT_RUNBOOK_BASE_URL, Duration.ofSeconds(30),
        Map.of("release", "kube-prometheus-stack", "app.kubernetes.io/managed-by", "someone-else"));
    DashboardModel model = model(1, errorRate("HighErrorRate", "5%"));

    PrometheusRule rule = AlertRules.from(model, settings).prometheusRule().orElseThrow();

    assertThat(rule.getMetadata().getLabels()).containsAllEntriesOf(model.labels())
        .containsEntry("release", "kube-prometheus-stack");
    assertThat(rule.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getController()).isTrue());
  }

  @Test
  void durationsAreWrittenAsPrometheusParsesThem() {
    Rule rule = rules(AlertDashboards.scenario("latency-normalised-durations").rules()).get(0);

    assertThat(rule.getFor()).as("30s5m").isEqualTo("5m30s");
    assertThat(rule.getExpr().getStrVal()).contains("[1h30m]");
    assertThat(Arrays.asList(rule.getAnnotations().get("description").split(" "))).contains("5m30s:");
  }

  static List<Rule> rules(AlertRules rules) {
    return rules.prometheusRule().orElseThrow().getSpec().getGroups().get(0).getRules();
  }
}
