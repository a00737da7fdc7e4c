package io.astralytiq.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.runtime.RuntimeContract;
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

/** A dataset that cannot be read keeps the pod out of service, alive, and says which dataset and why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotReadyIT {

  static final Path DIR = tempDir();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("astralytiq.definition", () -> {
      Path definition = TestDashboards.write(DIR, "1h");
      try {
        Files.delete(DIR.resolve("sales.csv"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return definition.toString();
    });
  }

  @Autowired
  Environment env;

  @Test
  void notReadyButAliveAndSaysWhy() {
    RunningApp app = new RunningApp(env);
    HttpResponse<String> ready = app.get(RuntimeContract.READINESS_PATH);
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}")
        .as("the dataset's path and error are for the log, not for whoever reaches the port")
        .doesNotContain(DIR.toString());
    assertThat(app.get(RuntimeContract.LIVENESS_PATH).statusCode()).isEqualTo(200);
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("not-ready-it");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
