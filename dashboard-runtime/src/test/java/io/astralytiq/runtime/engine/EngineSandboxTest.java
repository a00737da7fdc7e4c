package io.astralytiq.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.runtime.RuntimeProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's settings hold even for a statement that got past the query check: run here straight on a DuckDB
 * connection with the sandbox applied, no statement changes a setting, and only the allowed file can be read.
 */
class EngineSandboxTest {

  @TempDir
  Path dir;

  private DuckDBConnection sandboxed(Path allowed) throws Exception {
    DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    EngineSandbox.apply(duck, RuntimeProperties.Engine.of(2, Duration.ofSeconds(5), 10, "96MB", 1),
        Files.createDirectories(dir.resolve("spill")), 1 << 20, List.of(allowed));
    return duck;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SET threads = 2", "SET GLOBAL memory_limit = '10GB'", "RESET memory_limit",
      "PRAGMA threads = 2", "SET enable_external_access = true", "RESET enable_external_access",
      "SET lock_configuration = false", "SET allowed_directories = ['/']", "SET autoload_known_extensions = true",
      "SET allow_community_extensions = true", "SET max_temp_directory_size = '10GB'"})
  void noStatementChangesASetting(String statement) throws Exception {
    Path allowed = Files.writeString(dir.resolve("ok.csv"), "n\n1\n");
    try (DuckDBConnection duck = sandboxed(allowed); Connection other = duck.duplicate()) {
      assertThatThrownBy(() -> execute(other, statement)).isInstanceOf(SQLException.class)
          .hasMessageContaining("the configuration has been locked");
      assertThat(setting(other, "threads")).isEqualTo("1");
      assertThat(setting(other, "memory_limit")).isEqualTo(setting(duck, "memory_limit")).startsWith("9");
      assertThat(setting(other, "enable_external_access")).isEqualTo("false");
      assertThat(setting(other, "lock_configuration")).isEqualTo("true");
    }
  }

  @Test
  void readsTheAllowedFileAndNoOther() throws Exception {
    Path allowed = Files.writeString(dir.resolve("ok.csv"), "n\n1\n");
    Files.writeString(dir.resolve("secret.txt"), "s3cret\n");
    try (DuckDBConnection duck = sandboxed(allowed); Statement st = duck.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT sum(n) FROM read_csv_auto('" + allowed + "')")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
      for (String sql : List.of("SELECT * FROM read_text('" + dir.resolve("secret.txt") + "')",
          "SELECT * FROM read_text('" + allowed + "/../secret.txt')",
          "COPY (SELECT 1) TO '" + dir.resolve("out.csv") + "'",
          "ATTACH '" + dir.resolve("x.duckdb") + "' AS x",
          "INSTALL httpfs", "LOAD httpfs")) {
        assertThatThrownBy(() -> execute(duck, sql)).as(sql).isInstanceOf(SQLException.class)
            .hasMessageMatching("(?s).*(disabled by configuration|disabled through configuration).*");
      }
      assertThat(Files.exists(dir.resolve("out.csv"))).isFalse();
    }
  }

  /** DuckDB closes a statement that failed, so each runs on its own. */
  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT current_setting('" + name + "')")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
