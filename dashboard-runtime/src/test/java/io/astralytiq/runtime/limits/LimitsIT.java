package io.astralytiq.runtime.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.runtime.RuntimeMetrics;
import io.astralytiq.runtime.RunningApp;
import io.astralytiq.runtime.TestDashboards;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A bounded load on loopback: exports past the drawing pool's queue and live streams past their caps are answered
 * 429 with Retry-After, and so is a client past its request rate, while the data API keeps answering everyone
 * else. Clients are told apart by X-Forwarded-For, which Tomcat takes from a proxy on 127.0.0.1 as it would from
 * the ingress controller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LimitsIT {

  static final Path DIR = tempDir();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("astralytiq.definition", () -> TestDashboards.write(DIR, "1h").toString());
    registry.add("astralytiq.limits.export-threads", () -> "1");
    registry.add("astralytiq.limits.export-queue", () -> "1");
    registry.add("astralytiq.limits.export-burst", () -> "100");
    registry.add("astralytiq.limits.api-burst", () -> "30");
    registry.add("astralytiq.limits.api-per-second", () -> "5");
    registry.add("astralytiq.limits.live-streams-per-client", () -> "2");
    registry.add("astralytiq.limits.live-streams-total", () -> "3");
  }

  @Autowired
  Environment env;

  @Test
  void exportsPastThePoolAreRefusedWhileTheDataApiAnswers() {
    RunningApp app = new RunningApp(env);
    List<CompletableFuture<HttpResponse<byte[]>>> exports = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      exports.add(app.client().sendAsync(request(app, "/api/panels/bars/export.png?width=2000&height=2000",
          "10.1.0." + i), HttpResponse.BodyHandlers.ofByteArray()));
    }
    HttpResponse<String> data = send(app, "/api/panels", "10.2.0.1");
    List<HttpResponse<byte[]>> answers = exports.stream().map(CompletableFuture::join).toList();
    assertThat(data.statusCode()).isEqualTo(200);
    assertThat(data.body()).contains("\"id\":\"bars\"").doesNotContain("\"error\":\"");
    assertThat(answers).extracting(HttpResponse::statusCode).contains(200, 429).containsOnly(200, 429);
    HttpResponse<byte[]> refused = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(new String(refused.body())).contains("too many exports are being drawn");
    assertThat(app.get(RuntimeContract.METRICS_PATH).body())
        .containsPattern(RuntimeMetrics.REQUESTS_REJECTED_TOTAL + "\\{[^}]*limit=\"export-queue\"[^}]*} [1-9]");
  }

  @Test
  void aPngPastThePixelBudgetIsRefused() {
    HttpResponse<String> r = send(new RunningApp(env), "/api/panels/bars/export.png?width=3000&height=2000",
        "10.3.0.1");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("3000 x 2000 pixels is more than the 4000000 pixels an export may have");
  }

  @Test
  void liveStreamsPastTheirCapsAreRefused() throws IOException {
    RunningApp app = new RunningApp(env);
    List<InputStream> open = new ArrayList<>();
    try {
      open.add(stream(app, "10.4.0.1", 200));
      open.add(stream(app, "10.4.0.1", 200));
      HttpResponse<String> third = send(app, "/api/live", "10.4.0.1");
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.body()).contains("this client holds 2 live streams already");
      open.add(stream(app, "10.4.0.2", 200));
      HttpResponse<String> fourth = send(app, "/api/live", "10.4.0.3");
      assertThat(fourth.statusCode()).isEqualTo(429);
      assertThat(fourth.body()).contains("as many live streams as it serves (3)");
      assertThat(send(app, "/api/panels/total", "10.4.0.3").statusCode()).isEqualTo(200);
    } finally {
      for (InputStream in : open) {
        in.close();
      }
    }
  }

  @Test
  void aClientPastItsRateIsRefusedAndOthersAreNot() {
    RunningApp app = new RunningApp(env);
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      codes.add(send(app, "/api/panels/total", "10.5.0.1").statusCode());
    }
    assertThat(codes).contains(200, 429);
    assertThat(send(app, "/api/panels/total", "10.5.0.2").statusCode()).isEqualTo(200);
  }

  private static InputStream stream(RunningApp app, String client, int expected) {
    HttpResponse<InputStream> r = app.client().sendAsync(request(app, "/api/live", client),
        HttpResponse.BodyHandlers.ofInputStream()).join();
    assertThat(r.statusCode()).isEqualTo(expected);
    return r.body();
  }

  private static HttpResponse<String> send(RunningApp app, String path, String client) {
    return app.client().sendAsync(request(app, path, client), HttpResponse.BodyHandlers.ofString()).join();
  }

  private static HttpRequest request(RunningApp app, String path, String client) {
    return HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(30))
        .header("X-Forwarded-For", client).build();
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("limits-it");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
