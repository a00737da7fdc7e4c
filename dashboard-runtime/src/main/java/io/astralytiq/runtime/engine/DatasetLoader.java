package io.astralytiq.runtime.engine;

import io.astralytiq.api.v1alpha1.definition.Dataset;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materialises datasets as DuckDB tables the first time a query needs them, and again when they have changed:
 * a file when its size or modification time moved, a URL or a database once per refresh interval. Until then
 * queries read the table in memory, which is what keeps warm queries fast.
 */
final class DatasetLoader {

  private static final Logger log = LoggerFactory.getLogger(DatasetLoader.class);

  private final Path tempDir;
  private final Path secretsDir;
  private final Duration recheckAfter;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
  private final Map<String, State> states = new ConcurrentHashMap<>();

  private static final class State {
    long checkedAtNanos;
    String fingerprint;
  }

  DatasetLoader(Path tempDir, Path secretsDir, Duration recheckAfter) {
    this.tempDir = tempDir;
    this.secretsDir = secretsDir;
    this.recheckAfter = recheckAfter;
  }

  /** Loads the dataset unless it is loaded and unchanged; concurrent callers for one dataset load it once. */
  void ensureLoaded(Connection duck, Dataset ds) throws SQLException {
    State state = states.computeIfAbsent(ds.getName(), k -> new State());
    synchronized (state) {
      long now = System.nanoTime();
      if (state.fingerprint != null && now - state.checkedAtNanos < recheckAfter.toNanos()) {
        return;
      }
      String fingerprint = fingerprint(ds);
      state.checkedAtNanos = now;
      if (fingerprint != null && fingerprint.equals(state.fingerprint)) {
        return;
      }
      long started = System.nanoTime();
      load(duck, ds);
      state.fingerprint = fingerprint == null ? "loaded" : fingerprint;
      log.info("loaded dataset {} in {} ms", ds.getName(), (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** What identifies the current content cheaply; null when only reloading tells (URLs, databases). */
  private static String fingerprint(Dataset ds) {
    if (ds.getSample() != null) {
      return "sample";
    }
    if (ds.getPath() != null) {
      try {
        Path p = Path.of(ds.getPath());
        return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
      } catch (IOException e) {
        throw new QueryException("dataset '" + ds.getName() + "': cannot read " + ds.getPath(), false, e);
      }
    }
    return null;
  }

  private void load(Connection duck, Dataset ds) throws SQLException {
    String table = quoteIdentifier(ds.getName());
    if (ds.getSample() != null) {
      execute(duck, "CREATE OR REPLACE TABLE " + table + " AS " + SampleData.select(ds.getSample()));
    } else if (ds.getPath() != null) {
      execute(duck, "CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM " + reader(ds.getFormat(), ds.getPath()));
    } else if (ds.getUrl() != null) {
      Path file = download(ds);
      execute(duck, "CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM " + reader(ds.getFormat(), file.toString()));
    } else {
      copyFromDatabase(duck, ds, table);
    }
  }

  private static String reader(String format, String path) {
    String literal = "'" + path.replace("'", "''") + "'";
    return switch (format) {
      case "parquet" -> "read_parquet(" + literal + ")";
      case "json" -> "read_json_auto(" + literal + ")";
      default -> "read_csv_auto(" + literal + ")";
    };
  }

  private Path download(Dataset ds) {
    try {
      Path dir = Files.createDirectories(tempDir.resolve("datasets"));
      Path partial = Files.createTempFile(dir, ds.getName(), ".part");
      HttpResponse<Path> response = http.send(
          HttpRequest.newBuilder(URI.create(ds.getUrl())).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofFile(partial));
      if (response.statusCode() / 100 != 2) {
        Files.deleteIfExists(partial);
        throw new QueryException("dataset '" + ds.getName() + "': " + ds.getUrl() + " answered HTTP "
            + response.statusCode(), false, null);
      }
      return Files.move(partial, dir.resolve(ds.getName() + "." + ds.getFormat()),
          StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QueryException("dataset '" + ds.getName() + "': cannot download " + ds.getUrl() + ": " + e, false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryException("dataset '" + ds.getName() + "': download interrupted", false, e);
    }
  }

  /** Copies the database query's result into a fresh table, then swaps it in, so readers never see half of it. */
  private void copyFromDatabase(Connection duck, Dataset ds, String table) throws SQLException {
    String staging = quoteIdentifier(ds.getName() + "__loading");
    try (Connection source = DriverManager.getConnection(ds.getJdbc().getUrl(),
            Credentials.read(secretsDir, ds.getJdbc().getCredentialsSecret()));
         Statement st = source.createStatement();
         ResultSet rs = st.executeQuery(ds.getJdbc().getQuery())) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int c = 1; c <= md.getColumnCount(); c++) {
        columns.add(quoteIdentifier(md.getColumnLabel(c)) + " " + duckType(md.getColumnType(c)));
      }
      execute(duck, "CREATE OR REPLACE TABLE " + staging + " (" + String.join(", ", columns) + ")");
      String marks = String.join(", ", java.util.Collections.nCopies(md.getColumnCount(), "?"));
      try (PreparedStatement insert = duck.prepareStatement("INSERT INTO " + staging + " VALUES (" + marks + ")")) {
        int batch = 0;
        while (rs.next()) {
          for (int c = 1; c <= md.getColumnCount(); c++) {
            insert.setObject(c, rs.getObject(c));
          }
          insert.addBatch();
          if (++batch % 1000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new QueryException("dataset '" + ds.getName() + "': the database query failed: " + e.getMessage(), false, e);
    }
    execute(duck, "CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM " + staging);
    execute(duck, "DROP TABLE " + staging);
  }

  private static String duckType(int jdbcType) {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "BIGINT";
      case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> "DOUBLE";
      case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
      case Types.DATE -> "DATE";
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP";
      default -> "VARCHAR";
    };
  }

  private static void execute(Connection duck, String sql) throws SQLException {
    try (Statement st = duck.createStatement()) {
      st.execute(sql);
    }
  }

  static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
