package io.astralytiq.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.api.v1alpha1.definition.JdbcSource;
import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class QueryEngineTest {

  @TempDir
  Path dir;

  private QueryEngine engine;

  /**
   * Datasets are rechecked on every query and a failed load is retried at once; the new table is there once the
   * load that a query started in the background is done.
   */
  private QueryEngine engine(int maxRows, Duration timeout, Dataset... datasets) {
    RuntimeProperties.Datasets limits = new RuntimeProperties.Datasets(Duration.ofSeconds(30), 2, 1000,
        DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), Duration.ZERO, Duration.ZERO,
        List.of(dir.toString()));
    engine = TestEngines.engine(RuntimeProperties.Engine.of(2, timeout, maxRows, "128MB", 1), limits, dir,
        Duration.ZERO, List.of(datasets));
    return engine;
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private Dataset csv(String name, String content) throws IOException {
    Path file = dir.resolve(name + ".csv");
    Files.writeString(file, content);
    Dataset ds = new Dataset();
    ds.setName(name);
    ds.setFormat("csv");
    ds.setPath(file.toString());
    return ds;
  }

  @Test
  void queriesACsvDatasetWithBoundParameters() throws IOException {
    Dataset sales = csv("sales", "region,amount\nEMEA,10\nAMER,20\nEMEA,5\n");
    QueryResult r = engine(100, Duration.ofSeconds(10), sales)
        .query("SELECT sum(amount) AS total FROM sales WHERE region = ?", List.of("EMEA"), List.of(sales));
    assertThat(r.columns()).containsExactly("total");
    assertThat(r.rows()).containsExactly(List.of(15L));
  }

  @Test
  void loadsADatasetOnlyWhenAQueryNeedsIt() throws IOException {
    Dataset missing = new Dataset();
    missing.setName("later");
    missing.setFormat("csv");
    missing.setPath(dir.resolve("later.csv").toString());
    QueryEngine e = engine(100, Duration.ofSeconds(10), missing);
    assertThat(e.query("SELECT 42 AS answer", List.of(), List.of()).rows()).containsExactly(List.of(42L));
    assertThatThrownBy(() -> e.query("SELECT * FROM later", List.of(), List.of(missing)))
        .isInstanceOf(QueryException.class).hasMessageContaining("cannot read " + missing.getPath());
    Files.writeString(dir.resolve("later.csv"), "n\n7\n");
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
        assertThat(e.query("SELECT * FROM later", List.of(), List.of(missing)).rows()).containsExactly(List.of(7L)));
  }

  @Test
  void reloadsAFileThatChanged() throws IOException {
    Dataset ds = csv("counts", "n\n1\n");
    QueryEngine e = engine(100, Duration.ofSeconds(10), ds);
    assertThat(e.query("SELECT sum(n) FROM counts", List.of(), List.of(ds)).rows()).containsExactly(List.of(1L));
    Files.writeString(Path.of(ds.getPath()), "n\n1\n2\n3\n");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(e.query("SELECT sum(n) FROM counts", List.of(), List.of(ds)).rows()).containsExactly(List.of(6L)));
  }

  @Test
  void aValueIsBoundNeverExecuted() throws IOException {
    Dataset ds = csv("victims", "name\nalice\n");
    QueryEngine e = engine(100, Duration.ofSeconds(10), ds);
    String attack = "x'; DROP TABLE victims; --";
    QueryResult r = e.query("SELECT count(*) AS n FROM victims WHERE name = ?", List.of(attack), List.of(ds));
    assertThat(r.rows()).containsExactly(List.of(0L));
    QueryResult echoed = e.query("SELECT ? AS v", List.of(attack), List.of());
    assertThat(echoed.rows()).containsExactly(List.of(attack));
    assertThat(e.query("SELECT count(*) FROM victims", List.of(), List.of(ds)).rows()).containsExactly(List.of(1L));
  }

  @Test
  void cutsRowsAtTheLimitAndSaysSo() {
    QueryResult r = engine(5, Duration.ofSeconds(10)).query("SELECT * FROM range(100);", List.of(), List.of());
    assertThat(r.rows()).hasSize(5);
    assertThat(r.truncated()).isTrue();
  }

  @Test
  void cancelsAQueryThatRunsTooLong() {
    QueryEngine e = engine(5, Duration.ofMillis(300));
    assertThatThrownBy(() -> e.query("SELECT count(*) FROM range(100000000000) a", List.of(), List.of()))
        .isInstanceOfSatisfying(QueryException.class, q -> assertThat(q.isTimeout()).isTrue())
        .hasMessageContaining("ran longer than");
    assertThat(e.query("SELECT 1 AS still_works", List.of(), List.of()).rows()).containsExactly(List.of(1L));
  }

  @Test
  void reportsASqlErrorOnOneLine() {
    assertThatThrownBy(() -> engine(5, Duration.ofSeconds(5)).query("SELECT nope FROM range(1)", List.of(), List.of()))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("nope")
        .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\n"));
  }

  @Test
  void readsParquetAndJson() throws Exception {
    Path parquet = dir.resolve("p.parquet");
    try (var c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT 3 AS n) TO '" + parquet + "' (FORMAT parquet)");
    }
    Files.writeString(dir.resolve("j.json"), "[{\"n\": 4}, {\"n\": 5}]");
    Dataset p = new Dataset();
    p.setName("p");
    p.setFormat("parquet");
    p.setPath(parquet.toString());
    Dataset j = new Dataset();
    j.setName("j");
    j.setFormat("json");
    j.setPath(dir.resolve("j.json").toString());
    QueryEngine e = engine(100, Duration.ofSeconds(10), p, j);
    assertThat(e.query("SELECT (SELECT sum(n) FROM p) + (SELECT sum(n) FROM j) AS s", List.of(), List.of(p, j))
        .rows()).containsExactly(List.of(12L));
  }

  @Test
  void refusesAJdbcUrlOfAnyDriverButPostgresql() throws Exception {
    Path db = dir.resolve("source.duckdb");
    try (var c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE deals AS SELECT i AS id FROM range(4) t(i)");
    }
    Dataset ds = new Dataset();
    ds.setName("deals");
    ds.setFormat("jdbc");
    JdbcSource jdbc = new JdbcSource();
    jdbc.setUrl("jdbc:duckdb:" + db);
    jdbc.setQuery("SELECT id FROM deals");
    ds.setJdbc(jdbc);
    QueryEngine e = engine(100, Duration.ofSeconds(10), ds);
    assertThatThrownBy(() -> e.query("SELECT count(*) FROM deals", List.of(), List.of(ds)))
        .isInstanceOf(QueryException.class).hasMessageContaining("only PostgreSQL JDBC URLs");
    assertThat(e.query("SELECT 1 AS still_works", List.of(), List.of()).rows()).containsExactly(List.of(1L));
  }

  @Test
  void refusesADatasetWithMoreRowsThanTheLimitAndKeepsThePreviousContent() throws IOException {
    Dataset ds = csv("grows", "n\n1\n");
    QueryEngine e = engine(100, Duration.ofSeconds(10), ds);
    assertThat(e.query("SELECT count(*) FROM grows", List.of(), List.of(ds)).rows()).containsExactly(List.of(1L));
    Files.writeString(Path.of(ds.getPath()), "n\n" + "7\n".repeat(1001));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThatThrownBy(() -> e.query("SELECT count(*) FROM grows", List.of(), List.of(ds)))
            .isInstanceOf(QueryException.class).hasMessageContaining("has 1001 rows, more than the limit of 1000"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(e.loadStatus(List.of(ds)).get(0).state()).isEqualTo(LoadStatus.State.FAILED));
  }

  @Test
  void refusesAFileLargerThanTheByteLimit() throws IOException {
    Dataset ds = csv("huge", "s\n" + "x".repeat(1024 * 1024 + 1) + "\n");
    QueryEngine e = engine(100, Duration.ofSeconds(10), ds);
    assertThatThrownBy(() -> e.query("SELECT count(*) FROM huge", List.of(), List.of(ds)))
        .isInstanceOf(QueryException.class).hasMessageContaining("more than the limit of 1048576");
  }

  @Test
  void generatesEverySample() {
    RuntimeProperties.Datasets limits = new RuntimeProperties.Datasets(Duration.ofSeconds(30), 2, 100_000,
        DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), Duration.ZERO, Duration.ZERO,
        List.of(dir.toString()));
    engine = TestEngines.engine(RuntimeProperties.Engine.of(2, Duration.ofSeconds(30), 100, "128MB", 1), limits,
        dir, Duration.ZERO, List.of());
    for (String sample : List.of("orders", "metrics", "funnel")) {
      Dataset ds = new Dataset();
      ds.setName(sample);
      ds.setFormat("sample");
      ds.setSample(sample);
      assertThat(engine.query("SELECT count(*) FROM " + sample, List.of(), List.of(ds)).rows().get(0).get(0))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LONG).isGreaterThan(100L);
    }
  }
}
