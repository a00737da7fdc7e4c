package io.astralytiq.runtime.engine;

import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.runtime.RuntimeProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB in this process, with the limits a shared server needs: a fixed pool of query threads (bounded
 * concurrency; further queries queue), a timeout that interrupts the query in DuckDB, and a row limit applied
 * in SQL so DuckDB stops early. Values only ever reach SQL as bind parameters.
 */
public final class QueryEngine implements AutoCloseable {

  private final DuckDBConnection database;
  private final DatasetLoader loader;
  private final ExecutorService workers;
  private final Duration timeout;
  private final int maxRows;

  public QueryEngine(RuntimeProperties.Engine limits, Path tempDir, Path secretsDir, Duration recheckAfter) {
    try {
      Path spill = Files.createDirectories(tempDir.resolve("duckdb"));
      this.database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = database.createStatement()) {
        st.execute("SET memory_limit = '" + limits.memoryLimit().replace("'", "") + "'");
        st.execute("SET temp_directory = '" + spill.toString().replace("'", "''") + "'");
        if (limits.threads() > 0) {
          st.execute("SET threads = " + limits.threads());
        }
        // Nothing may be fetched at run time: extensions come built in or not at all.
        st.execute("SET autoinstall_known_extensions = false");
      }
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
    }
    this.loader = new DatasetLoader(tempDir, secretsDir, recheckAfter);
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(limits.maxConcurrency(), r -> {
      Thread t = new Thread(r, "query-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.timeout = limits.queryTimeout();
    this.maxRows = limits.maxRows();
  }

  /**
   * Runs the SQL with its {@code ?} placeholders bound in order, after loading the datasets it reads.
   *
   * @throws QueryException when the query fails or runs longer than the timeout
   */
  public QueryResult query(String sql, List<?> parameters, Collection<Dataset> datasets) {
    AtomicReference<Statement> running = new AtomicReference<>();
    Future<QueryResult> future = workers.submit(() -> execute(sql, parameters, datasets, running));
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      cancel(running.get());
      future.cancel(true);
      throw new QueryException("the query ran longer than " + timeout.toSeconds() + "s and was cancelled", true, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof QueryException q) {
        throw q;
      }
      throw new QueryException(cleanMessage(cause), false, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new QueryException("interrupted", false, e);
    }
  }

  /** Loads a dataset now; readiness uses it to check what a query would otherwise find out late. */
  public void load(Dataset dataset) {
    try (Connection c = database.duplicate()) {
      loader.ensureLoaded(c, dataset);
    } catch (SQLException e) {
      throw new QueryException(cleanMessage(e), false, e);
    }
  }

  private QueryResult execute(String sql, List<?> parameters, Collection<Dataset> datasets,
      AtomicReference<Statement> running) throws SQLException {
    try (Connection c = database.duplicate()) {
      for (Dataset ds : datasets) {
        loader.ensureLoaded(c, ds);
      }
      String limited = "SELECT * FROM (" + stripTrailingSemicolons(sql) + "\n) AS panel_result LIMIT " + (maxRows + 1);
      try (PreparedStatement ps = c.prepareStatement(limited)) {
        running.set(ps);
        for (int i = 0; i < parameters.size(); i++) {
          Object v = parameters.get(i);
          ps.setObject(i + 1, v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v);
        }
        try (ResultSet rs = ps.executeQuery()) {
          int columnCount = rs.getMetaData().getColumnCount();
          List<String> columns = new ArrayList<>(columnCount);
          for (int col = 1; col <= columnCount; col++) {
            columns.add(rs.getMetaData().getColumnLabel(col));
          }
          List<List<Object>> rows = new ArrayList<>();
          boolean truncated = false;
          while (rs.next()) {
            if (rows.size() == maxRows) {
              truncated = true;
              break;
            }
            List<Object> row = new ArrayList<>(columnCount);
            for (int col = 1; col <= columnCount; col++) {
              row.add(Values.plain(rs.getObject(col)));
            }
            rows.add(row);
          }
          return new QueryResult(columns, rows, truncated);
        }
      }
    }
  }

  private static String stripTrailingSemicolons(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  private static void cancel(Statement st) {
    if (st != null) {
      try {
        st.cancel();
      } catch (SQLException ignored) {
        // the statement finished or closed meanwhile: nothing left to cancel
      }
    }
  }

  /** DuckDB prefixes messages with its error class and repeats the query; the panel shows the first line. */
  private static String cleanMessage(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m).strip();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    try {
      database.close();
    } catch (SQLException ignored) {
      // closing on shutdown: nothing to report to
    }
  }
}
