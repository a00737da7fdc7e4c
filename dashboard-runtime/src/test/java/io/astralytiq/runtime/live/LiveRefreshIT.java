package io.astralytiq.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.runtime.RunningApp;
import io.astralytiq.runtime.TestDashboards;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Live refresh end to end: an SSE client sees a changed file as a new panel value without asking for it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveRefreshIT {

  static final Path DIR = tempDir();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("astralytiq.definition", () -> TestDashboards.write(DIR, "1s").toString());
  }

  @Autowired
  Environment env;

  @Autowired
  LiveBroadcaster broadcaster;

  @Test
  void pushesChangedPanelsOnly() throws Exception {
    RunningApp app = new RunningApp(env);
    String everything = app.get("/api/panels/everything").body();
    String version = everything.replaceAll(".*\"version\":(-?\\d+).*", "$1");
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpRequest request = HttpRequest.newBuilder(URI.create(app.url("/api/live?region=EMEA&known=everything:"
        + version))).header("Accept", "text/event-stream").build();
    HttpResponse<Stream<String>> response = app.client().send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> response.body().forEach(lines::add));
    reader.setDaemon(true);
    reader.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("\"id\":\"total\"")));
    assertThat(lines).as("a panel the browser already shows is not sent again")
        .noneMatch(l -> l.contains("\"id\":\"everything\""));
    assertThat(lines).anyMatch(l -> l.contains("\"rows\":[[" + TestDashboards.emeaTotal(1) + ","));
    assertThat(broadcaster.subscriberCount()).isEqualTo(1);

    TestDashboards.writeSales(DIR, 10);
    await().atMost(Duration.ofSeconds(15)).until(() ->
        lines.stream().anyMatch(l -> l.contains("\"rows\":[[" + TestDashboards.emeaTotal(10) + ",")));
    assertThat(lines).contains("event:panel");
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("live-it");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
