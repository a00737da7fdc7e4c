package io.astralytiq.runtime.engine;

import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.api.v1alpha1.definition.JdbcSource;
import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.egress.Downloader;
import io.astralytiq.runtime.egress.EgressRefusedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Turns one dataset into a DuckDB table, within the dataset limits: the file or download is at most the byte limit,
 * the table at most the row limit, and each statement registers with the load's cancellation so a timeout stops
 * it. The new content is built in a staging table and swapped in in one transaction, so readers see the old table
 * or the new one, and a failed load leaves the old one in place.
 */
final class DatasetLoader {

  private static final Pattern JDBC_URL = Pattern.compile(JdbcSource.URL_PATTERN);

  private final Path downloads;
  private final Path secretsDir;
  private final RuntimeProperties.Datasets limits;
  private final Downloader downloader;

  DatasetLoader(Path downloads, Path secretsDir, RuntimeProperties.Datasets limits, Downloader downloader) {
    this.downloads = downloads;
    this.secretsDir = secretsDir;
    this.limits = limits;
    this.downloader = downloader;
  }

  /** Where a URL dataset's download lands: fixed per dataset, so the engine can allow reading exactly it. */
  static Path downloadTarget(Path downloads, Dataset ds) {
    return downloads.resolve(ds.getName() + "." + ds.getFormat());
  }

  void load(Connection duck, Dataset ds, LoadCancellation cancellation) throws SQLException {
    String table = quoteIdentifier(ds.getName());
    String staging = quoteIdentifier(ds.getName() + "$loading");
    if (ds.getSample() != null) {
      execute(duck, cancellation, "CREATE OR REPLACE TABLE " + staging + " AS " + SampleData.select(ds.getSample()));
    } else if (ds.getPath() != null) {
      requireSize(ds, Path.of(ds.getPath()));
      execute(duck, cancellation, "CREATE OR REPLACE TABLE " + staging + " AS SELECT * FROM "
          + reader(ds.getFormat(), ds.getPath()));
    } else if (ds.getUrl() != null) {
      Path file = download(ds);
      execute(duck, cancellation, "CREATE OR REPLACE TABLE " + staging + " AS SELECT * FROM "
          + reader(ds.getFormat(), file.toString()));
    } else {
      copyFromDatabase(duck, ds, staging, cancellation);
    }
    long rows = count(duck, staging);
    if (rows > limits.maxRows()) {
      execute(duck, cancellation, "DROP TABLE " + staging);
      throw new QueryException(label(ds) + " has " + rows + " rows, more than the limit of " + limits.maxRows(),
          false, null);
    }
    try {
      duck.setAutoCommit(false);
      execute(duck, cancellation, "DROP TABLE IF EXISTS " + table);
      execute(duck, cancellation, "ALTER TABLE " + staging + " RENAME TO " + table);
      duck.commit();
    } catch (SQLException e) {
      duck.rollback();
      throw e;
    } finally {
      duck.setAutoCommit(true);
    }
  }

  /** Size and modification time: what tells cheaply that a file changed. */
  static String fingerprint(Dataset ds) {
    if (ds.getSample() != null) {
      return "sample";
    }
    if (ds.getPath() != null) {
      try {
        Path p = Path.of(ds.getPath());
        return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
      } catch (IOException e) {
        throw new QueryException(label(ds) + ": cannot read " + ds.getPath(), false, e);
      }
    }
    return null;
  }

  private void requireSize(Dataset ds, Path file) {
    try {
      long size = Files.size(file);
      if (size > limits.maxSize().toBytes()) {
        throw new QueryException(label(ds) + ": " + file + " is " + size + " bytes, more than the limit of "
            + limits.maxSize().toBytes(), false, null);
      }
    } catch (IOException e) {
      throw new QueryException(label(ds) + ": cannot read " + file, false, e);
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

  /** A load stopped at its timeout. */
  static String stopped(Dataset ds, Duration timeout) {
    return label(ds) + ": the load ran longer than " + timeout.toSeconds() + "s and was stopped";
  }

  private Path download(Dataset ds) {
    URI url = URI.create(ds.getUrl());
    try {
      Files.createDirectories(downloads);
      Path partial = Files.createTempFile(downloads, ds.getName(), ".part");
      try {
        downloader.download(url, partial, limits.loadTimeout());
        return Files.move(partial, downloadTarget(downloads, ds), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (EgressRefusedException e) {
      throw new QueryException(label(ds) + ": " + e.getMessage(), false, e);
    } catch (HttpTimeoutException e) {
      if (e instanceof HttpConnectTimeoutException) {
        throw new QueryException(label(ds) + ": cannot download " + Downloader.safe(url) + ": " + e.getMessage(),
            false, e);
      }
      // The request's timeout is the load timeout, raced by the loads' watchdog: one message, whichever wins.
      throw new QueryException(stopped(ds, limits.loadTimeout()), true, e);
    } catch (IOException e) {
      throw new QueryException(label(ds) + ": cannot download " + Downloader.safe(url) + ": " + e.getMessage(),
          false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryException(label(ds) + ": the download was stopped", true, e);
    }
  }

  /**
   * Copies the database query's result into the staging table, read in chunks (a cursor in a read-only
   * transaction) so neither the runtime's heap nor the database's result holds it whole. Only the PostgreSQL driver
   * is asked, directly: the JDBC URL cannot pick another driver on the classpath.
   */
  private void copyFromDatabase(Connection duck, Dataset ds, String staging, LoadCancellation cancellation)
      throws SQLException {
    JdbcSource jdbc = ds.getJdbc();
    if (!JDBC_URL.matcher(jdbc.getUrl()).matches()) {
      throw new QueryException(label(ds) + ": only PostgreSQL JDBC URLs without credentials are accepted", false,
          null);
    }
    Properties props = Credentials.read(secretsDir, jdbc.getCredentialsSecret());
    long seconds = Math.max(1, limits.loadTimeout().toSeconds());
    props.setProperty("connectTimeout", "10");
    props.setProperty("loginTimeout", "10");
    props.setProperty("socketTimeout", Long.toString(seconds + 5));
    props.setProperty("ApplicationName", "astralytiq-dashboard-runtime");
    long maxBytes = limits.maxSize().toBytes();
    try (Connection source = new org.postgresql.Driver().connect(jdbc.getUrl(), props)) {
      if (source == null) {
        throw new QueryException(label(ds) + ": the PostgreSQL driver does not take this URL", false, null);
      }
      source.setReadOnly(true);
      source.setAutoCommit(false);
      try (Statement st = source.createStatement()) {
        cancellation.register(st::cancel);
        st.setQueryTimeout((int) seconds);
        st.setFetchSize(1000);
        try (ResultSet rs = st.executeQuery(jdbc.getQuery())) {
          copyRows(duck, ds, rs, staging, maxBytes, cancellation);
        }
      } finally {
        source.rollback();
      }
    } catch (SQLException e) {
      if (cancellation.isCancelled()) {
        throw new QueryException(label(ds) + ": the database query was stopped at the load timeout", true, e);
      }
      throw new QueryException(label(ds) + ": the database query failed: " + firstLine(e), false, e);
    }
  }

  private void copyRows(Connection duck, Dataset ds, ResultSet rs, String staging, long maxBytes,
      LoadCancellation cancellation) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> columns = new ArrayList<>();
    for (int c = 1; c <= n; c++) {
      columns.add(quoteIdentifier(md.getColumnLabel(c)) + " " + duckType(md.getColumnType(c)));
    }
    execute(duck, cancellation, "CREATE OR REPLACE TABLE " + staging + " (" + String.join(", ", columns) + ")");
    String marks = String.join(", ", Collections.nCopies(n, "?"));
    long rows = 0;
    long bytes = 0;
    try (PreparedStatement insert = duck.prepareStatement("INSERT INTO " + staging + " VALUES (" + marks + ")")) {
      while (rs.next()) {
        if (++rows > limits.maxRows()) {
          throw new QueryException(label(ds) + ": the database query returned more than the limit of "
              + limits.maxRows() + " rows", false, null);
        }
        for (int c = 1; c <= n; c++) {
          Object v = rs.getObject(c);
          bytes += v instanceof String s ? s.length() : 8;
          insert.setObject(c, v);
        }
        if (bytes > maxBytes) {
          throw new QueryException(label(ds) + ": the database query returned more than the limit of " + maxBytes
              + " bytes", false, null);
        }
        insert.addBatch();
        if (rows % 1000 == 0) {
          insert.executeBatch();
          if (Thread.currentThread().isInterrupted()) {
            throw new QueryException(label(ds) + ": the load was stopped at its timeout", true, null);
          }
        }
      }
      insert.executeBatch();
    }
  }

  private static long count(Connection duck, String table) throws SQLException {
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
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

  private static void execute(Connection duck, LoadCancellation cancellation, String sql) throws SQLException {
    try (Statement st = duck.createStatement()) {
      cancellation.register(st::cancel);
      st.execute(sql);
    }
  }

  static String label(Dataset ds) {
    return "dataset '" + ds.getName() + "'";
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m).strip();
  }

  static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static Duration elapsedSince(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
