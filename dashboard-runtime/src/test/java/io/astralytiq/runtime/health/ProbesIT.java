package io.astralytiq.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.runtime.RuntimeMetrics;
import io.astralytiq.runtime.RunningApp;
import io.astralytiq.runtime.TestDashboards;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Probes and metrics as the operator uses them: the paths and metric names come from the shared API module. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbesIT {

  static final Path DIR = tempDir();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("astralytiq.definition", () -> TestDashboards.write(DIR, "1h").toString());
  }

  @Autowired
  Environment env;

  @Test
  void readyWhenTheDefinitionLoadedAndTheDatasetsAreReachable() {
    RunningApp app = new RunningApp(env);
    HttpResponse<String> ready = app.get(RuntimeContract.READINESS_PATH);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).as("no health details for whoever reaches the port").isEqualTo("{\"status\":\"UP\"}");
    assertThat(app.get(RuntimeContract.LIVENESS_PATH).statusCode()).isEqualTo(200);
    assertThat(app.get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void exposesTheMetricsTheAlertsUse() {
    RunningApp app = new RunningApp(env);
    app.get("/api/panels/total");
    app.get("/api/panels/total");
    String metrics = app.get(RuntimeContract.METRICS_PATH).body();
    assertThat(metrics).contains(
        RuntimeMetrics.PANEL_QUERY_SECONDS_COUNT + "{",
        RuntimeMetrics.PANEL_QUERY_SECONDS_BUCKET + "{",
        RuntimeMetrics.CACHE_REQUESTS_TOTAL + "{",
        RuntimeMetrics.LIVE_CLIENTS_SERIES,
        RuntimeMetrics.DEFINITION_LOADED_SERIES + "{application=\"dashboard-runtime\"} 1.0",
        RuntimeMetrics.HTTP_REQUESTS_SECONDS_BUCKET + "{",
        RuntimeMetrics.HTTP_REQUESTS_SECONDS_COUNT + "{");
    assertThat(metrics).containsPattern(RuntimeMetrics.CACHE_REQUESTS_TOTAL + "\\{[^}]*result=\"hit\"[^}]*} [1-9]");
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("probes-it");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
