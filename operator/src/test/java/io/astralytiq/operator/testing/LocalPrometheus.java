package io.astralytiq.operator.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Prometheus server (Debian's prometheus package, which hack/install-prometheus installs with promtool) on
 * loopback, its TSDB, configuration and log in a directory of the test's, and the parts of its HTTP API the tests
 * read: alerts, rules and instant queries.
 */
public final class LocalPrometheus implements AutoCloseable {

  public static final String NOT_INSTALLED = "no prometheus on the PATH: run hack/install-prometheus (Debian's prometheus"
      + " package; Maven runs it before the integration tests)";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalProcess process;
  private final String address;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalPrometheus(LocalProcess process, String address) {
    this.process = process;
    this.address = address;
  }

  /** Whether the server is installed; the condition of the tests that need it (JUnit's @EnabledIf). */
  public static boolean installed() {
    return binary().isPresent();
  }

  /**
   * Starts Prometheus and waits until it is ready: the configuration and the rule files loaded (it exits, saying
   * why in its log, when one does not).
   *
   * @param dir where its configuration, TSDB and log go
   * @param config prometheus.yml as a map: global, rule_files, scrape_configs
   */
  public static LocalPrometheus start(Path dir, Map<String, Object> config) {
    Path configFile = Promtool.write(dir.resolve("prometheus.yml"), YAML.asYaml(config));
    String address = "127.0.0.1:" + LocalProcess.freePort();
    List<String> command = List.of(binary().orElseThrow().toString(), "--config.file=" + configFile,
        "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=" + address);
    LocalPrometheus prometheus = new LocalPrometheus(LocalProcess.start("prometheus", command,
        dir.resolve("prometheus.log")), address);
    try {
      await(prometheus.describe() + " ready").atMost(START_TIMEOUT)
          .failFast(prometheus.describe() + " exited", prometheus.process::exited)
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> prometheus.status("/-/ready") == 200);
    } catch (RuntimeException | Error e) {
      e.addSuppressed(new AssertionError("Prometheus' log ends with:\n" + prometheus.process.logTail(30)));
      prometheus.close();
      throw e;
    }
    return prometheus;
  }

  /** The active alerts, pending and firing ({@code /api/v1/alerts}); resolved alerts are not listed. */
  public List<JsonNode> alerts() throws IOException {
    return list(api("/api/v1/alerts").path("alerts"));
  }

  /** The rules of every loaded group, with their health, state and active alerts ({@code /api/v1/rules}). */
  public List<JsonNode> rules() throws IOException {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : api("/api/v1/rules").path("groups")) {
      rules.addAll(list(group.path("rules")));
    }
    return rules;
  }

  /** The series an instant query returns now ({@code /api/v1/query}). */
  public List<JsonNode> query(String promql) throws IOException {
    return list(api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result"));
  }

  public String describe() {
    return process.describe();
  }

  @Override
  public void close() {
    process.close();
  }

  /** The {@code data} of an API answer, after checking that the call succeeded. */
  private JsonNode api(String pathAndQuery) throws IOException {
    HttpResponse<String> response = send(pathAndQuery);
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new IOException("Prometheus answered " + pathAndQuery + " with " + response.statusCode() + ": "
          + response.body());
    }
    return body.path("data");
  }

  private int status(String path) throws IOException {
    return send(path).statusCode();
  }

  private HttpResponse<String> send(String pathAndQuery) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + pathAndQuery))
        .timeout(Duration.ofSeconds(10)).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static Optional<Path> binary() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
        .map(dir -> Path.of(dir, "prometheus")).filter(Files::isExecutable).findFirst();
  }
}
