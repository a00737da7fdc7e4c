package io.astralytiq.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.runtime.RunningApp;
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

/**
 * A definition that does not validate: the process stays up, never ready, and every answer says why; readiness with
 * the code kept for a definition that is unusable, unlike a dataset that cannot be read (NotReadyIT, 503).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvalidDefinitionIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("astralytiq.definition", () -> {
      try {
        Path file = Files.createTempFile("invalid", ".yaml");
        Files.writeString(file, "title: Broken\npanels: [{id: a, type: gauge, query: SELECT 1}]\n");
        return file.toString();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Autowired
  Environment env;

  @Test
  void staysUpNotReadyAndExplains() {
    RunningApp app = new RunningApp(env);
    HttpResponse<String> ready = app.get(RuntimeContract.READINESS_PATH);
    assertThat(ready.statusCode()).as("the code the operator rolls back on")
        .isEqualTo(RuntimeContract.DEFINITION_UNUSABLE_STATUS).isEqualTo(422);
    assertThat(ready.body()).isEqualTo("{\"status\":\"DEFINITION_UNUSABLE\"}");
    assertThat(app.get("/readyz").statusCode()).isEqualTo(RuntimeContract.DEFINITION_UNUSABLE_STATUS);
    HttpResponse<String> live = app.get(RuntimeContract.LIVENESS_PATH);
    assertThat(live.statusCode()).as("alive, so it is not restarted into a crash loop").isEqualTo(200);
    assertThat(live.body()).contains("\"status\":\"UP\"");
    HttpResponse<String> page = app.get("/");
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.body()).contains("unknown type &#39;gauge&#39;");
    HttpResponse<String> data = app.get("/api/panels");
    assertThat(data.statusCode()).isEqualTo(503);
    assertThat(data.body()).contains("the dashboard definition did not load");
  }
}
