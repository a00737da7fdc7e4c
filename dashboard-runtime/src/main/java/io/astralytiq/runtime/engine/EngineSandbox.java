package io.astralytiq.runtime.engine;

import io.astralytiq.runtime.RuntimeProperties;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The DuckDB settings that make the engine a sandbox, applied once before any query and then locked. External
 * access is off, so no table function, COPY, ATTACH or INSTALL can touch a file or the network, except the exact
 * files the runtime itself loads datasets from (the declared paths and the download targets). Extensions are never
 * fetched or auto-loaded: what is built in is all there is. {@code lock_configuration} comes last, after which no
 * statement, the runtime's own included, can change a setting.
 */
final class EngineSandbox {

  private EngineSandbox() {}

  static void apply(Connection duck, RuntimeProperties.Engine limits, Path spill, long maxSpillBytes,
      Collection<Path> readablePaths) throws SQLException {
    try (Statement st = duck.createStatement()) {
      st.execute("SET memory_limit = " + literal(limits.memoryLimit()));
      st.execute("SET temp_directory = " + literal(spill.toString()));
      st.execute("SET max_temp_directory_size = '" + maxSpillBytes + "B'");
      if (limits.threads() > 0) {
        st.execute("SET threads = " + limits.threads());
      }
      st.execute("SET autoinstall_known_extensions = false");
      st.execute("SET autoload_known_extensions = false");
      st.execute("SET allow_community_extensions = false");
      if (!readablePaths.isEmpty()) {
        st.execute("SET allowed_paths = [" + readablePaths.stream().map(p -> literal(p.toString()))
            .collect(Collectors.joining(", ")) + "]");
      }
      st.execute("SET enable_external_access = false");
      st.execute("SET lock_configuration = true");
    }
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
