package io.astralytiq.operator.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.runtime.RuntimeMetrics;
import io.astralytiq.api.v1alpha1.AlertSeverity;
import io.astralytiq.api.v1alpha1.AlertSpec;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import io.astralytiq.api.v1alpha1.definition.Variable;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.LocalPrometheus;
import io.astralytiq.operator.testing.LocalRuntime;
import io.astralytiq.operator.testing.Promtool;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.Traffic;
import io.astralytiq.testing.ThirdPartyCrds;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ErrorRate alert end to end, with nothing made up on the way: the operator applies a Dashboard's PrometheusRule
 * and ServiceMonitor on a real API server; a real dashboard-runtime serves the definition the operator mounts;
 * a real Prometheus (Debian's package) scrapes it as the Prometheus Operator would from that ServiceMonitor (path,
 * interval, target labels) and evaluates that PrometheusRule's groups. The failures are real too: the dataset a
 * variable's options are read from disappears, so every request for the panels is answered 502, until it is back.
 */
@EnabledIf(value = "io.astralytiq.operator.testing.LocalPrometheus#installed",
    disabledReason = LocalPrometheus.NOT_INSTALLED)
class ErrorRateAlertE2E {

  private static final String RUNBOOKS = "https://runbooks.example.test/astralytiq.md";
  private static final String ALERT = "HighErrorRate";
  private static final String USERS_PAGE = "/api/panels?region=EMEA";
  private static final Duration TIMEOUT = Duration.ofSeconds(45);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Prometheus scrapes and evaluates every second, so the alert's window and duration can be seconds long. */
  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onIsolatedApiServer(Map.of("SCRAPE_INTERVAL", "1s",
      "RUNBOOK_BASE_URL", RUNBOOKS));

  /** Kept when the test fails: the runtime's and Prometheus' logs, configuration and data are in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @BeforeAll
  static void installPrometheusOperator() {
    ThirdPartyCrds.PROMETHEUS_OPERATOR.install(operator.client());
  }

  @Test
  void serverErrorsAboveTheThresholdFireTheAlertWhichResolvesWhenTheyStop() throws Exception {
    Path orders = Files.writeString(dir.resolve("orders.csv"), "region,amount\nEMEA,120\nAMER,80\n");
    Dashboard dashboard = operator.client().resource(dashboard(operator.tenantNamespace("errors"), orders)).create();
    String namespace = dashboard.getMetadata().getNamespace();
    PrometheusRule applied = operator.dashboards().awaitPresent("the PrometheusRule", () -> operator.client()
        .resources(PrometheusRule.class).inNamespace(namespace).withName(DashboardNames.prometheusRule(dashboard))
        .get());
    Path ruleFile = Promtool.writeRuleFile(dir, DashboardNames.prometheusRule(dashboard), applied);
    Deployment deployment = operator.dashboards().awaitPresent("the Deployment", () -> operator.client().apps()
        .deployments().inNamespace(namespace).withName(DashboardNames.deployment(dashboard)).get());

    try (LocalRuntime runtime = LocalRuntime.start(mountedDefinition(deployment), dir);
         LocalPrometheus prometheus = LocalPrometheus.start(dir, prometheusConfig(dashboard, deployment, runtime,
             ruleFile));
         Traffic users = Traffic.start(runtime, USERS_PAGE, Duration.ofMillis(50))) {
      // Users' requests succeed: Prometheus has their series, labelled as the rule selects them, and no alert.
      awaitSeries(prometheus, RuntimeMetrics.HTTP_REQUESTS_SECONDS_COUNT + "{namespace=\"" + namespace
          + "\",service=\"" + DashboardNames.service(dashboard) + "\",uri=\"/api/panels\",status=\"200\"}");
      assertThat(awaitRuleEvaluated(prometheus).path("state").asText()).isEqualTo("inactive");
      assertThat(alert(prometheus)).isEmpty();

      // The file the region variable's options are read from is gone: every request is answered 502.
      Path aside = Files.move(orders, dir.resolve("orders.csv.away"));
      awaitAnswer(runtime, 502);
      JsonNode firing = await(ALERT + " firing in " + prometheus.describe() + ", " + runtime.describe())
          .atMost(TIMEOUT).pollInterval(POLL).failFast(runtime.describe() + " exited", runtime::exited)
          .until(() -> alert(prometheus), a -> a.isPresent() && "firing".equals(a.get().path("state").asText()))
          .orElseThrow();
      assertFiredAsTheRuleSays(firing, dashboard, applied.getSpec().getGroups().get(0).getRules().get(0));

      // The file is back: requests succeed again, and the alert resolves.
      Files.move(aside, orders);
      awaitAnswer(runtime, 200);
      await(ALERT + " resolved in " + prometheus.describe()).atMost(TIMEOUT).pollInterval(POLL)
          .until(() -> alert(prometheus).isEmpty() && "inactive".equals(rule(prometheus).path("state").asText()));
      assertThat(users.answers()).containsKeys(200, 502);
    }
  }

  /** The alert's labels and rendered annotations are the rule's, and it was pending for the rule's 'for' first. */
  private static void assertFiredAsTheRuleSays(JsonNode firing, Dashboard dashboard, Rule rule) {
    String namespace = dashboard.getMetadata().getNamespace();
    assertThat(strings(firing.path("labels"))).isEqualTo(Map.of("alertname", ALERT, "tenant", namespace,
        "namespace", namespace, "dashboard", dashboard.getMetadata().getName(), "severity", "critical"));
    assertThat(strings(firing.path("annotations")))
        .containsEntry("runbook_url", RUNBOOKS + "#errorrate")
        .containsEntry("summary", rule.getAnnotations().get("summary"))
        .hasEntrySatisfying("description", d -> assertThat(d).contains("above 20% for 5s").doesNotContain("{{"));
    assertThat(Duration.between(Instant.parse(firing.path("activeAt").asText()), Instant.now()))
        .as("pending for the rule's 'for' before firing").isGreaterThanOrEqualTo(Duration.ofSeconds(5));
  }

  /** A Dashboard of the tenant's whose region variable takes its options from the orders dataset. */
  private static Dashboard dashboard(String namespace, Path orders) {
    Dashboard dashboard = Dashboards.minimal(namespace, "sales");
    DashboardDefinition definition = dashboard.getSpec().getDefinition();
    definition.setRefresh("1s");
    // Where a data volume would be mounted in the pod; the local runtime reads it from the test's directory.
    definition.getDatasets().get(0).setPath(RuntimeContract.DATA_DIR + "/" + orders.getFileName());
    Variable region = new Variable();
    region.setName("region");
    region.setType("select");
    region.setOptionsQuery("SELECT DISTINCT region FROM orders ORDER BY region");
    definition.setVariables(List.of(region));
    definition.getPanels().get(0).setQuery("SELECT count(*) AS total FROM orders WHERE region = :region");
    AlertSpec alert = AlertDashboards.errorRate(ALERT, "20%");
    alert.setWindow("10s");
    alert.setForDuration("5s");
    alert.setSeverity(AlertSeverity.CRITICAL);
    dashboard.getSpec().setAlerts(List.of(alert));
    return dashboard;
  }

  /** The definition file a pod of the Deployment reads: the ConfigMap its volume mounts. */
  private Path mountedDefinition(Deployment deployment) throws IOException {
    String configMap = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
        .map(Volume::getConfigMap).filter(Objects::nonNull).findFirst().orElseThrow().getName();
    ConfigMap mounted = operator.client().configMaps().inNamespace(deployment.getMetadata().getNamespace())
        .withName(configMap).get();
    return Files.writeString(dir.resolve(RuntimeContract.DEFINITION_FILE),
        mounted.getData().get(RuntimeContract.DEFINITION_FILE).replace(RuntimeContract.DATA_DIR + "/", dir + "/"));
  }

  /**
   * prometheus.yml scraping the runtime as the Prometheus Operator scrapes through the Dashboard's ServiceMonitor:
   * its endpoint's path and interval, and the target labels the operator gives (job and service are the Service's
   * name), with the rule file evaluated as often as the runtime is scraped.
   */
  private static Map<String, Object> prometheusConfig(Dashboard dashboard, Deployment deployment,
      LocalRuntime runtime, Path ruleFile) {
    ServiceMonitor monitor = operator.client().resources(ServiceMonitor.class)
        .inNamespace(dashboard.getMetadata().getNamespace()).withName(DashboardNames.serviceMonitor(dashboard)).get();
    Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
    String service = DashboardNames.service(dashboard);
    Map<String, String> targetLabels = Map.of("namespace", dashboard.getMetadata().getNamespace(),
        "service", service, "endpoint", endpoint.getPort(), "pod", "local-runtime",
        "container", deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getName());
    return Map.of(
        "global", Map.of("scrape_interval", endpoint.getInterval(), "evaluation_interval", endpoint.getInterval()),
        "rule_files", List.of(ruleFile.toString()),
        "scrape_configs", List.of(Map.of("job_name", service, "metrics_path", endpoint.getPath(),
            "static_configs", List.of(Map.of("targets", List.of(runtime.address()), "labels", targetLabels)))));
  }

  private static void awaitSeries(LocalPrometheus prometheus, String selector) {
    await(selector + " scraped by " + prometheus.describe()).atMost(TIMEOUT).pollInterval(POLL)
        .until(() -> !prometheus.query(selector).isEmpty());
  }

  private static void awaitAnswer(LocalRuntime runtime, int status) {
    await(USERS_PAGE + " answered " + status + " by " + runtime.describe()).atMost(TIMEOUT).pollInterval(POLL)
        .failFast(runtime.describe() + " exited", runtime::exited)
        .until(() -> runtime.get(USERS_PAGE).statusCode() == status);
  }

  private static Map<String, String> strings(JsonNode object) {
    return JSON.convertValue(object, new TypeReference<Map<String, String>>() { });
  }

  /** The alerting rule as Prometheus loaded it, once evaluated without error. */
  private static JsonNode awaitRuleEvaluated(LocalPrometheus prometheus) {
    return await("the rule evaluated by " + prometheus.describe()).atMost(TIMEOUT).pollInterval(POLL)
        .until(() -> rule(prometheus), r -> "ok".equals(r.path("health").asText()));
  }

  private static JsonNode rule(LocalPrometheus prometheus) throws IOException {
    return prometheus.rules().stream().filter(r -> ALERT.equals(r.path("name").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("Prometheus has not loaded rule " + ALERT));
  }

  private static Optional<JsonNode> alert(LocalPrometheus prometheus) throws IOException {
    return prometheus.alerts().stream().filter(a -> ALERT.equals(a.path("labels").path("alertname").asText()))
        .findFirst();
  }
}
