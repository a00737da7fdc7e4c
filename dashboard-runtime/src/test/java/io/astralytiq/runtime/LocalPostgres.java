package io.astralytiq.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for tests: Debian's binaries (installed by hack/install-postgresql before the ITs),
 * a fresh cluster in a temp dir owned by the postgres user, listening on 127.0.0.1 only, on a free port, with
 * password authentication. Started per test class and stopped (immediate mode) when closed; its directory goes
 * with it. A test may stop and resume it in between, to play a database outage.
 */
public final class LocalPostgres implements AutoCloseable {

  public static final String SUPERUSER_PASSWORD = "superuser-password";

  private final Path bin;
  private final Path dir;
  private final int port;

  private LocalPostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  public static LocalPostgres start() {
    Path bin = binaries();
    try {
      Path dir = Files.createTempDirectory("postgres-");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      Path data = dir.resolve("data");
      Path pwfile = Files.writeString(dir.resolve("pwfile"), SUPERUSER_PASSWORD + "\n");
      Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-r--r--"));
      int port = freePort();
      asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=scram-sha-256",
          "--pwfile=" + pwfile, "--no-sync", "-E", "UTF8");
      LocalPostgres postgres = new LocalPostgres(bin, dir, port);
      postgres.resume();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops the server the way an outage does (immediate mode: connections are cut, nothing is flushed), keeping its
   * data and port so {@link #resume()} brings the same database back.
   */
  public void stop() {
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
        "-t", "30", "stop");
  }

  /** Starts the server on its data and port again; returns when it accepts connections. */
  public void resume() {
    asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60", "-l",
        dir.resolve("postgres.log").toString(), "-o",
        "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + dir + " -c fsync=off",
        "start");
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Runs statements as the superuser on the given database. */
  public void execute(String database, String... statements) {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", SUPERUSER_PASSWORD);
    try (Connection c = DriverManager.getConnection(jdbcUrl(database), p); Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    stop();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp dir is not worth failing a test for
    }
  }

  private static Path binaries() {
    try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(java.util.Comparator.comparing(Path::toString))
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql; run"
              + " hack/install-postgresql"));
    } catch (IOException e) {
      throw new IllegalStateException("no PostgreSQL under /usr/lib/postgresql; run hack/install-postgresql", e);
    }
  }

  /** PostgreSQL refuses to run as root, so its commands run as the postgres user that Debian's package creates. */
  private static void asPostgres(String... command) {
    List<String> cmd = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
