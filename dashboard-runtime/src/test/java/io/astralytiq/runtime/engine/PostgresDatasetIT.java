package io.astralytiq.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.api.v1alpha1.definition.JdbcSource;
import io.astralytiq.runtime.LocalPostgres;
import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * JDBC datasets against a real PostgreSQL on 127.0.0.1: credentials come from the Secret's two files, the query
 * runs in a read-only transaction, its rows count against the dataset's limit, and a slow query stops at the load
 * timeout, failing the panel rather than holding it.
 */
class PostgresDatasetIT {

  static LocalPostgres postgres;

  @TempDir
  Path dir;

  private QueryEngine engine;

  @BeforeAll
  static void startPostgres() {
    postgres = LocalPostgres.start();
    postgres.execute("postgres", "CREATE ROLE reader LOGIN PASSWORD 'reader-password'", "CREATE DATABASE sales");
    postgres.execute("sales", "CREATE TABLE deals (id int, stage text, amount numeric(10,2), closed date)",
        "INSERT INTO deals SELECT i, CASE WHEN i % 3 = 0 THEN 'lost' ELSE 'won' END, i * 10.5,"
            + " DATE '2026-01-01' + i FROM generate_series(1, 30) i",
        "GRANT SELECT ON deals TO reader");
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  private Dataset dataset(String query) throws IOException {
    Path secret = Files.createDirectories(dir.resolve("secrets").resolve("sales-db"));
    Files.writeString(secret.resolve(RuntimeContract.USERNAME_KEY), "reader\n");
    Files.writeString(secret.resolve(RuntimeContract.PASSWORD_KEY), "reader-password\n");
    JdbcSource jdbc = new JdbcSource();
    jdbc.setUrl(postgres.jdbcUrl("sales") + "?sslmode=disable&ApplicationName=test");
    jdbc.setCredentialsSecret("sales-db");
    jdbc.setQuery(query);
    Dataset ds = new Dataset();
    ds.setName("deals");
    ds.setFormat("jdbc");
    ds.setJdbc(jdbc);
    return ds;
  }

  private QueryEngine engine(Dataset ds, long maxRows, Duration loadTimeout) {
    RuntimeProperties.Datasets limits = new RuntimeProperties.Datasets(loadTimeout, 2, maxRows,
        DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), Duration.ZERO, Duration.ZERO,
        List.of(dir.toString()));
    engine = TestEngines.engine(RuntimeProperties.Engine.of(2, Duration.ofSeconds(10), 100, "128MB", 1), limits, dir,
        Duration.ZERO, List.of(ds));
    return engine;
  }

  @Test
  void copiesTheQueryResultWithTheSecretsCredentials() throws IOException {
    Dataset ds = dataset("SELECT id, stage, amount, closed FROM deals");
    QueryResult r = engine(ds, 1000, Duration.ofSeconds(30))
        .query("SELECT stage, count(*) AS n, sum(amount) AS total FROM deals GROUP BY 1 ORDER BY 1", List.of(),
            List.of(ds));
    assertThat(r.rows()).containsExactly(List.of("lost", 10L, 1732.5), List.of("won", 20L, 3150.0));
  }

  @Test
  void theDatabaseQueryCannotWrite() throws IOException {
    Dataset ds = dataset("INSERT INTO deals VALUES (99, 'pwned', 0, NULL) RETURNING id");
    assertThatThrownBy(() -> engine(ds, 1000, Duration.ofSeconds(30)).query("SELECT * FROM deals", List.of(),
        List.of(ds)))
        .isInstanceOf(QueryException.class).hasMessageContaining("dataset 'deals'")
        .hasMessageContaining("read-only transaction");
    postgres.execute("sales", "DO $$ BEGIN IF (SELECT count(*) FROM deals) <> 30 THEN"
        + " RAISE EXCEPTION 'the table changed'; END IF; END $$");
  }

  @Test
  void moreRowsThanTheLimitFailTheLoad() throws IOException {
    Dataset ds = dataset("SELECT id FROM deals");
    assertThatThrownBy(() -> engine(ds, 10, Duration.ofSeconds(30)).query("SELECT * FROM deals", List.of(),
        List.of(ds)))
        .isInstanceOf(QueryException.class).hasMessageContaining("more than the limit of 10 rows");
  }

  @Test
  void aSlowQueryStopsAtTheLoadTimeoutAndTheEngineKeepsAnswering() throws IOException {
    Dataset ds = dataset("SELECT id FROM deals, pg_sleep(30)");
    QueryEngine e = engine(ds, 1000, Duration.ofSeconds(2));
    assertThatThrownBy(() -> e.query("SELECT * FROM deals", List.of(), List.of(ds)))
        .isInstanceOf(QueryException.class).hasMessageContaining("dataset 'deals'")
        .satisfies(ex -> assertThat(((QueryException) ex).isTimeout()).isTrue());
    assertThat(e.query("SELECT 1 AS alive", List.of(), List.of()).rows()).containsExactly(List.of(1L));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> e.loadStatus(List.of(ds)).get(0).state() != LoadStatus.State.LOADING
            && e.loadStatus(List.of(ds)).get(0).state() != LoadStatus.State.STUCK);
  }

  @Test
  void wrongCredentialsNameTheDatasetNotThePassword() throws IOException {
    Dataset ds = dataset("SELECT id FROM deals");
    Files.writeString(dir.resolve("secrets").resolve("sales-db").resolve(RuntimeContract.PASSWORD_KEY), "wrong\n");
    assertThatThrownBy(() -> engine(ds, 1000, Duration.ofSeconds(30)).query("SELECT * FROM deals", List.of(),
        List.of(ds)))
        .isInstanceOf(QueryException.class).hasMessageContaining("dataset 'deals'")
        .hasMessageContaining("password authentication failed").hasMessageNotContaining("wrong");
  }
}
