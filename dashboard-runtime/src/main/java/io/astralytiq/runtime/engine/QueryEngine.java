package io.astralytiq.runtime.engine;

import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.egress.Downloader;
import io.astralytiq.runtime.egress.EgressPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 * DuckDB in this process as a sandbox with the limits a shared server needs. Only single SELECT statements run
 * ({@link QueryGuard}); the engine reads no file but the datasets', fetches nothing and its settings are locked
 * ({@link EngineSandbox}); datasets are loaded on their own threads under their own limits ({@link DatasetLoads}).
 * Queries run on a fixed pool (bounded concurrency; further queries queue) under a timeout that interrupts them in
 * DuckDB, with a row limit applied in SQL so DuckDB stops early. Values only ever reach SQL as bind parameters.
 */
public final class QueryEngine implements AutoCloseable {

  private final DuckDBConnection database;
  private final QueryGuard guard = new QueryGuard();
  private final DatasetLoads loads;
  private final ExecutorService workers;
  private final Duration timeout;
  private final int maxRows;

  /** The parts of the runtime's configuration the engine uses; the datasets are fixed for its lifetime. */
  public record Settings(RuntimeProperties.Engine limits, RuntimeProperties.Datasets datasetLimits,
      RuntimeProperties.Egress egress, Path tempDir, Path secretsDir, Duration recheckAfter) {}

  public QueryEngine(Settings settings, Collection<Dataset> datasets, EgressPolicy.Resolver resolver,
      MeterRegistry registry) {
    RuntimeProperties.Engine limits = settings.limits();
    Path downloads = settings.tempDir().resolve("datasets");
    try {
      Path spill = Files.createDirectories(settings.tempDir().resolve("duckdb"));
      this.database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      EngineSandbox.apply(database, limits, spill, limits.maxSpillSize().toBytes(), readablePaths(datasets, downloads));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
    }
    EgressPolicy policy = new EgressPolicy(settings.egress().blockedCidrs(), settings.egress().allowedHosts(),
        resolver);
    Downloader downloader = new Downloader(policy, settings.datasetLimits().maxDownloadSize().toBytes(),
        Duration.ofSeconds(10));
    DatasetLoader loader = new DatasetLoader(downloads, settings.secretsDir(), settings.datasetLimits(), downloader);
    this.loads = new DatasetLoads(loader, this::connection, settings.datasetLimits(), settings.recheckAfter(),
        registry);
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(limits.maxConcurrency(), r -> {
      Thread t = new Thread(r, "query-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.timeout = limits.queryTimeout();
    this.maxRows = limits.maxRows();
  }

  /** The only files the engine may open: each file dataset's path and each URL dataset's download. */
  private static Set<Path> readablePaths(Collection<Dataset> datasets, Path downloads) {
    Set<Path> paths = new LinkedHashSet<>();
    for (Dataset ds : datasets) {
      if (ds.getPath() != null) {
        paths.add(Path.of(ds.getPath()));
      } else if (ds.getUrl() != null) {
        paths.add(DatasetLoader.downloadTarget(downloads, ds));
      }
    }
    return paths;
  }

  /**
   * Runs the SQL with its {@code ?} placeholders bound in order, over the datasets it reads as they are loaded
   * now; this thread waits only for a dataset's first load (on the load pool, at most the load timeout).
   *
   * @throws QueryException when the query is not one SELECT, fails, runs longer than the timeout, or a dataset it
   *     reads cannot be loaded
   */
  public QueryResult query(String sql, List<?> parameters, Collection<Dataset> datasets) {
    for (Dataset ds : datasets) {
      loads.await(ds);
    }
    AtomicReference<Statement> running = new AtomicReference<>();
    Future<QueryResult> future = workers.submit(() -> execute(sql, parameters, running));
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
      throw new QueryException(DatasetLoader.firstLine(cause), false, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new QueryException("interrupted", false, e);
    }
  }

  /** Starts loading a dataset if it is due; readiness uses it so the first viewer does not wait for the load. */
  public CompletableFuture<Void> startLoad(Dataset dataset) {
    return loads.ensure(dataset);
  }

  /** Where each dataset's load stands. */
  public List<LoadStatus> loadStatus(Collection<Dataset> datasets) {
    return loads.status(datasets);
  }

  /** The query text that is checked and prepared is the one that runs, row limit included. */
  private QueryResult execute(String sql, List<?> parameters, AtomicReference<Statement> running)
      throws SQLException {
    try (Connection c = connection()) {
      String query = stripTrailingSemicolons(sql);
      guard.requireSingleSelect(c, query);
      String limited = "SELECT * FROM (" + query + "\n) AS panel_result LIMIT " + (maxRows + 1);
      guard.requireSingleSelect(c, limited);
      try (PreparedStatement ps = c.prepareStatement(limited)) {
        running.set(ps);
        for (int i = 0; i < parameters.size(); i++) {
          Object v = parameters.get(i);
          ps.setObject(i + 1, v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v);
        }
        try (ResultSet rs = ps.executeQuery()) {
          return read(rs);
        }
      }
    }
  }

  private QueryResult read(ResultSet rs) throws SQLException {
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

  private Connection connection() {
    try {
      return database.duplicate();
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("DuckDB: " + e.getMessage(), e));
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

  @Override
  public void close() {
    loads.close();
    workers.shutdownNow();
    try {
      database.close();
    } catch (SQLException ignored) {
      // closing on shutdown: nothing to report to
    }
  }
}
