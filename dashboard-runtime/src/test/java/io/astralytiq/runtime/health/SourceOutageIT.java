package io.astralytiq.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.runtime.LocalPostgres;
import io.astralytiq.runtime.RunningApp;
import io.astralytiq.runtime.TestDashboards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A data source that goes away after the runtime started, one scenario per kind of source, all real: a file
 * removed and put back, a loopback HTTP server that fails and recovers, a PostgreSQL server stopped and started
 * again (stopped rather than its connections cut: the runtime opens a connection per load, so a stopped server is
 * what it meets on every load of an outage, and pg_ctl stops and starts it reliably on the same port). While the
 * source is away, readiness answers 503 (the pod may recover, so never the 422 that has the operator roll back),
 * the panels over it show an error naming the dataset and nothing more, and the other panels keep their data.
 * When the source is back, all of it recovers without anyone restarting anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SourceOutageIT {

  static final Path DIR = tempDir();
  static final String PASSWORD = "reader-password";
  static final LocalPostgres POSTGRES = startPostgres();
  static final FlakySource PRICES = new FlakySource("/prices.csv", "item,price\nalpha,3\nbeta,4\n");
  static final Duration OUTAGE_SEEN = Duration.ofSeconds(30);
  static final Duration RECOVERED = Duration.ofSeconds(60);

  /** Panel id and what it shows while its source is there. */
  static final Map<String, String> PANELS = Map.of(
      "file", "\"rows\":[[270]]",
      "url", "\"rows\":[[7]]",
      "db", "\"rows\":[[30]]",
      "sample", "\"rows\":[[true]]");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("astralytiq.definition", SourceOutageIT::writeDefinition);
    registry.add("astralytiq.secrets-dir", () -> DIR.resolve("secrets").toString());
    registry.add("astralytiq.egress.allowed-hosts", () -> "localhost");
    registry.add("astralytiq.datasets.load-timeout", () -> "4s");
    registry.add("astralytiq.datasets.retry-after", () -> "1s");
    registry.add("astralytiq.datasets.retry-after-max", () -> "4s");
    registry.add("astralytiq.limits.api-per-second", () -> "1000");
    registry.add("astralytiq.limits.api-burst", () -> "1000");
  }

  @Autowired
  Environment env;

  private RunningApp app;

  @BeforeEach
  void everySourceServes() {
    app = new RunningApp(env);
    await().atMost(RECOVERED).untilAsserted(this::allServing);
  }

  @AfterAll
  static void stopSources() {
    PRICES.close();
    POSTGRES.close();
  }

  @Test
  void aRemovedFileFailsItsPanelsUntilItIsBack() throws IOException {
    Files.delete(DIR.resolve("sales.csv"));
    await().atMost(OUTAGE_SEEN).untilAsserted(() -> outage("file", "dataset 'sales'", "cannot read"));
    TestDashboards.writeSales(DIR, 1);
    await().atMost(RECOVERED).untilAsserted(this::allServing);
  }

  /**
   * While the panel and the probe ask all the time, the source is tried again after 1 s, 2 s, 4 s, 4 s...: a few
   * times in ten seconds, not once per request nor once a second.
   */
  @Test
  void aFailingUrlFailsItsPanelsUntilItAnswersAgain() {
    PRICES.mode(FlakySource.Mode.FAILING);
    await().atMost(OUTAGE_SEEN).untilAsserted(() -> outage("url", "dataset 'prices'", "HTTP 503"));
    int tried = PRICES.requests();
    await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> outage("url", "dataset 'prices'", "HTTP 503"));
    assertThat(PRICES.requests() - tried).as("tries during ten seconds of the outage").isBetween(1, 5);
    PRICES.mode(FlakySource.Mode.SERVING);
    await().atMost(RECOVERED).untilAsserted(this::allServing);
  }

  @Test
  void aStoppedDatabaseFailsItsPanelsUntilItRuns() {
    POSTGRES.stop();
    try {
      await().atMost(OUTAGE_SEEN).untilAsserted(() -> outage("db", "dataset 'deals'", "refused"));
    } finally {
      POSTGRES.resume();
    }
    await().atMost(RECOVERED).untilAsserted(this::allServing);
  }

  /**
   * A source that takes the request and never answers holds neither the probe nor the viewers: through the first
   * load that hangs until its 4 s timeout and the retries after it, each is answered at once (with the table it
   * had, then with the error), and the dataset comes back when the source answers again.
   */
  @Test
  void aHangingUrlHoldsNoRequest() {
    PRICES.mode(FlakySource.Mode.HANGING);
    try {
      await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        long started = System.nanoTime();
        app.get("/api/panels/url");
        app.get(RuntimeContract.READINESS_PATH);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a panel and a probe while the source hangs")
            .isLessThan(Duration.ofSeconds(2));
      });
      outage("url", "dataset 'prices'", "was stopped");
    } finally {
      PRICES.mode(FlakySource.Mode.SERVING);
    }
    await().atMost(RECOVERED).untilAsserted(this::allServing);
  }

  private void allServing() {
    assertThat(app.get(RuntimeContract.READINESS_PATH).statusCode()).isEqualTo(200);
    PANELS.forEach((panel, rows) -> assertThat(app.get("/api/panels/" + panel).body()).as(panel)
        .contains(rows, "\"error\":null"));
  }

  /** The broken panel says which dataset and why, in one line with no stack trace; the others keep working. */
  private void outage(String broken, String dataset, String reason) {
    assertThat(app.get(RuntimeContract.READINESS_PATH).statusCode()).isEqualTo(503);
    assertThat(app.get("/api/panels/" + broken).body())
        .contains("\"error\":\"panel '" + broken + "': " + dataset, reason, "\"rows\":[]")
        .doesNotContain(PASSWORD, "Exception", "\\n", "\\tat ");
    PANELS.forEach((panel, rows) -> {
      if (!panel.equals(broken)) {
        assertThat(app.get("/api/panels/" + panel).body()).as(panel).contains(rows, "\"error\":null");
      }
    });
  }

  private static String writeDefinition() {
    try {
      TestDashboards.writeSales(DIR, 1);
      Path secret = Files.createDirectories(DIR.resolve("secrets").resolve("deals-db"));
      Files.writeString(secret.resolve(RuntimeContract.USERNAME_KEY), "reader\n");
      Files.writeString(secret.resolve(RuntimeContract.PASSWORD_KEY), PASSWORD + "\n");
      return Files.writeString(DIR.resolve("dashboard.yaml"), """
          title: Sources that go away
          refresh: 1s
          datasets:
            - {name: sales, format: csv, path: %s}
            - {name: prices, format: csv, url: '%s'}
            - name: deals
              format: jdbc
              jdbc: {url: '%s', credentialsSecret: deals-db, query: SELECT id FROM deals}
            - {name: orders, format: sample, sample: orders}
          panels:
            - {id: file, type: metric, query: SELECT count(*) AS n FROM sales}
            - {id: url, type: metric, query: SELECT sum(price) AS n FROM prices}
            - {id: db, type: metric, query: SELECT count(*) AS n FROM deals}
            - {id: sample, type: metric, query: SELECT count(*) > 0 AS n FROM orders}
          """.formatted(DIR.resolve("sales.csv"), PRICES.url("/prices.csv"), POSTGRES.jdbcUrl("sales")))
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalPostgres startPostgres() {
    LocalPostgres postgres = LocalPostgres.start();
    postgres.execute("postgres", "CREATE ROLE reader LOGIN PASSWORD '" + PASSWORD + "'", "CREATE DATABASE sales");
    postgres.execute("sales", "CREATE TABLE deals AS SELECT i AS id FROM generate_series(1, 30) i",
        "GRANT SELECT ON deals TO reader");
    return postgres;
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("source-outage-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
