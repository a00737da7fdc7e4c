package io.astralytiq.runtime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.runtime.RunningApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hostile author's dashboard, run whole: one good panel next to a panel for every way out we know of (file
 * reads by every table function, statements ended or nested, settings, attach, install and load, copy, export,
 * writes) and a URL dataset for every place a download must not reach (loopback, metadata, cluster ranges, and
 * redirects there; oversized and slow sources, served from 127.0.0.1). Each hostile panel answers with its own
 * clear error; the good panel keeps its data; the engine's settings are as configured afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxIT {

  static final Path DIR = tempDir();
  static final HostileSource SOURCE = new HostileSource();
  static final String SECRET = writeSecret();

  /** panel id -> query, for the panels whose SQL is the attack. */
  static final Map<String, String[]> QUERIES = new LinkedHashMap<>();
  /** panel id -> URL of its dataset, for the panels whose dataset is the attack. */
  static final Map<String, String[]> URLS = new LinkedHashMap<>();

  static {
    String passwd = "'/etc/passwd'";
    String disabled = "file system operations are disabled by configuration";
    String onlySelect = "only a SELECT query may run here";
    query("read-text", "SELECT content FROM read_text(" + passwd + ")", disabled);
    query("read-blob", "SELECT content FROM read_blob(" + passwd + ")", disabled);
    query("read-csv", "SELECT * FROM read_csv(" + passwd + ")", disabled);
    query("read-csv-auto", "SELECT * FROM read_csv_auto(" + passwd + ")", disabled);
    query("read-json", "SELECT * FROM read_json_auto(" + passwd + ")", disabled);
    query("read-ndjson", "SELECT * FROM read_ndjson_objects(" + passwd + ")", disabled);
    query("read-parquet", "SELECT * FROM read_parquet(" + passwd + ")", disabled);
    query("parquet-metadata", "SELECT * FROM parquet_metadata(" + passwd + ")", disabled);
    query("sniff-csv", "SELECT * FROM sniff_csv(" + passwd + ")", disabled);
    query("glob", "SELECT * FROM glob('/*')", disabled);
    query("mounted-secret", "SELECT content FROM read_text('" + SECRET + "')", disabled);
    query("dataset-dot-dot", "SELECT content FROM read_text('" + DIR.resolve("sales.csv") + "/../secret/password')",
        disabled);
    query("proc-environ", "SELECT content FROM read_text('/proc/self/environ')", disabled);
    query("list-of-files", "SELECT * FROM read_csv(['" + DIR.resolve("sales.csv") + "', " + passwd + "])", disabled);
    query("remote-file", "SELECT * FROM read_csv('https://example.com/x.csv')", "disabled by configuration");
    query("second-statement", "SELECT 1 AS one; SET threads = 1", onlySelect);
    query("comment-then-statement", "SELECT 1 AS one --\n; ATTACH ':memory:' AS other", onlySelect);
    query("two-selects", "SELECT 1 AS one; SELECT 2 AS two", "holds 2 statements");
    query("close-the-wrapper", "SELECT 1) AS t; SET memory_limit = '16GB'; SELECT * FROM (SELECT 1",
        "the query does not parse");
    query("nested-statement", "SELECT * FROM (SET threads = 1)", "the query does not parse");
    query("query-function", "SELECT * FROM query('SET threads = 1')", "Expected a single SELECT statement");
    query("set", "SET threads = 1", onlySelect);
    query("set-global", "SET GLOBAL enable_external_access = true", onlySelect);
    query("reset", "RESET lock_configuration", onlySelect);
    query("pragma", "PRAGMA threads = 1", onlySelect);
    query("call", "CALL pragma_version()", onlySelect);
    query("attach", "ATTACH ':memory:' AS other", onlySelect);
    query("detach", "DETACH memory", onlySelect);
    query("install", "INSTALL httpfs", onlySelect);
    query("load", "LOAD httpfs", onlySelect);
    query("copy", "COPY (SELECT 1) TO '" + DIR.resolve("out.csv") + "'", onlySelect);
    query("export", "EXPORT DATABASE '" + DIR.resolve("export") + "'", onlySelect);
    query("create", "CREATE TABLE pwned AS SELECT 1", onlySelect);
    query("drop", "DROP TABLE sales", onlySelect);
    query("insert", "INSERT INTO sales VALUES ('x', 1)", onlySelect);
    query("explain", "EXPLAIN ANALYZE SELECT 1", onlySelect);
    query("checkpoint", "CHECKPOINT", onlySelect);
    url("url-loopback", SOURCE.byAddress("/good.csv"), "is 127.0.0.1, a loopback address");
    url("url-ipv6-loopback", "http://[::1]:" + SOURCE.port() + "/good.csv", "a loopback address");
    url("url-mapped-loopback", "http://[::ffff:127.0.0.1]:" + SOURCE.port() + "/good.csv", "a loopback address");
    url("url-this-host", "http://0.0.0.0:" + SOURCE.port() + "/good.csv", "not a unicast host address");
    url("url-metadata", "http://169.254.169.254/latest/meta-data/iam/", "a link-local address");
    url("url-cluster", "http://10.96.0.1/api.csv", "inside the blocked range 10.0.0.0/8");
    url("url-pods", "http://172.17.0.5:8080/x.csv", "inside the blocked range 172.16.0.0/12");
    url("redirect-loopback", SOURCE.byName("/redirect?to=" + SOURCE.byAddress("/good.csv")), "a loopback address");
    url("redirect-metadata", SOURCE.byName("/redirect?to=http://169.254.169.254/latest/"), "a link-local address");
    url("redirect-file", SOURCE.byName("/redirect?to=file:///etc/passwd"), "only http and https URLs");
    url("declared-too-big", SOURCE.byName("/declared-big.csv"), "more than the limit of 65536");
    url("streamed-too-big", SOURCE.byName("/streamed-big.csv"), "passed the limit of 65536 bytes");
    url("slow-source", SOURCE.byName("/slow.csv"), "ran longer than 2s and was stopped");
  }

  private static void query(String id, String sql, String message) {
    QUERIES.put(id, new String[] {sql, message});
  }

  private static void url(String id, String url, String message) {
    URLS.put(id, new String[] {url, message});
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("astralytiq.definition", SandboxIT::writeDefinition);
    registry.add("astralytiq.egress.allowed-hosts", () -> "localhost");
    registry.add("astralytiq.datasets.load-timeout", () -> "2s");
    registry.add("astralytiq.datasets.max-download-size", () -> "64KB");
    registry.add("astralytiq.secrets-dir", () -> DIR.resolve("mounted").toString());
    registry.add("astralytiq.limits.api-per-second", () -> "1000");
    registry.add("astralytiq.limits.api-burst", () -> "1000");
  }

  @Autowired
  Environment env;

  static Stream<Arguments> attacks() {
    Stream<Arguments> queries = QUERIES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()[1]));
    Stream<Arguments> urls = URLS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()[1]));
    return Stream.concat(queries, urls);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refusesTheAttackWithAClearMessageWhileTheGoodPanelWorks(String panel, String message) {
    RunningApp app = new RunningApp(env);
    HttpResponse<String> hostile = app.get("/api/panels/" + panel);
    assertThat(hostile.statusCode()).isEqualTo(200);
    assertThat(hostile.body()).contains("\"error\":\"panel '" + panel + "': ").contains(escaped(message))
        .doesNotContain("root:x:0:0", "s3cret");
    HttpResponse<String> good = app.get("/api/panels/good");
    assertThat(good.body()).contains("\"rows\":[[\"AMER\",20],[\"EMEA\",10]]", "\"error\":null");
  }

  @Test
  void theEngineSettingsAreAsConfiguredAfterEveryAttack() {
    RunningApp app = new RunningApp(env);
    attacks().forEach(a -> app.get("/api/panels/" + a.get()[0]));
    HttpResponse<String> settings = app.get("/api/panels/settings");
    assertThat(settings.body()).contains("\"rows\":[[false,true,false,false]]");
    assertThat(app.get("/api/panels/good").body()).contains("\"error\":null");
    assertThat(Files.exists(DIR.resolve("out.csv"))).isFalse();
    assertThat(Files.exists(DIR.resolve("export"))).isFalse();
  }

  @Test
  void aDownloadFromAnAllowedHostLoads() {
    assertThat(new RunningApp(env).get("/api/panels/url-good").body())
        .contains("\"rows\":[[30]]", "\"error\":null");
  }

  private static String escaped(String message) {
    return message.replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "'");
  }

  private static String writeDefinition() {
    StringBuilder yaml = new StringBuilder("""
        title: Hostile
        refresh: 1h
        datasets:
          - {name: sales, format: csv, path: %s}
          - {name: remote_good, format: csv, url: '%s'}
        """.formatted(DIR.resolve("sales.csv"), SOURCE.byName("/good.csv")));
    int i = 0;
    for (Map.Entry<String, String[]> e : URLS.entrySet()) {
      yaml.append("  - {name: remote_").append(i++).append(", format: csv, url: '").append(e.getValue()[0])
          .append("'}\n");
    }
    yaml.append("panels:\n");
    yaml.append("  - {id: good, type: table, query: \"SELECT region, amount FROM sales ORDER BY 1\"}\n");
    yaml.append("  - {id: url-good, type: metric, query: SELECT sum(amount) AS total FROM remote_good}\n");
    yaml.append("  - {id: settings, type: table, query: \"SELECT current_setting('enable_external_access'),"
        + " current_setting('lock_configuration'), current_setting('autoload_known_extensions'),"
        + " current_setting('autoinstall_known_extensions')\"}\n");
    for (Map.Entry<String, String[]> e : QUERIES.entrySet()) {
      yaml.append("  - id: ").append(e.getKey()).append("\n    type: table\n    query: \"")
          .append(e.getValue()[0].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append("\"\n");
    }
    i = 0;
    for (String id : URLS.keySet()) {
      yaml.append("  - {id: ").append(id).append(", type: metric, query: SELECT count(*) FROM remote_").append(i++)
          .append("}\n");
    }
    try {
      Files.writeString(DIR.resolve("sales.csv"), HostileSource.GOOD_CSV);
      return Files.writeString(DIR.resolve("dashboard.yaml"), yaml).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String writeSecret() {
    try {
      Path dir = Files.createDirectories(DIR.resolve("mounted").resolve("db"));
      return Files.writeString(dir.resolve("password"), "s3cret\n").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopTheSource() {
    SOURCE.close();
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("sandbox-it");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
