package io.astralytiq.runtime.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, with DuckDB's own parser, whether a text is exactly one SELECT (or WITH ... SELECT, UNION, VALUES ...).
 * {@code json_serialize_sql} parses the text without running it and serializes only SELECT statements, so SET,
 * PRAGMA, ATTACH, INSTALL, LOAD, COPY, EXPORT, CALL, EXPLAIN and every write come back as an error, and a second
 * statement shows up as a second entry. This matters because DuckDB's JDBC driver runs every statement but the last
 * when it prepares a text holding several: the text that is prepared must itself be checked, not a piece of it.
 * Verdicts are kept per text; a dashboard has a handful of distinct texts.
 */
final class QueryGuard {

  private static final String CHECK = """
      SELECT coalesce((j->>'error')::BOOLEAN, true), j->>'error_message', json_array_length(j->'statements')
      FROM (SELECT json_serialize_sql(?::VARCHAR) AS j)""";

  private final Map<String, Optional<String>> verdicts = new ConcurrentHashMap<>();

  /** @throws QueryException saying why the text is not one read-only query */
  void requireSingleSelect(Connection duck, String sql) {
    Optional<String> problem = verdicts.get(sql);
    if (problem == null) {
      problem = judge(duck, sql);
      if (verdicts.size() < 10_000) {
        verdicts.put(sql, problem);
      }
    }
    problem.ifPresent(p -> {
      throw new QueryException(p, false, null);
    });
  }

  private static Optional<String> judge(Connection duck, String sql) {
    try (PreparedStatement ps = duck.prepareStatement(CHECK)) {
      ps.setString(1, sql);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          String message = rs.getString(2) == null ? "it does not parse" : rs.getString(2);
          return Optional.of(message.startsWith("Only SELECT statements")
              ? "only a SELECT query may run here (no SET, PRAGMA, ATTACH, INSTALL, LOAD, COPY, EXPORT, CALL or writes)"
              : "the query does not parse: " + message);
        }
        int statements = rs.getInt(3);
        return statements == 1 ? Optional.empty()
            : Optional.of("the query holds " + statements + " statements; only one SELECT may run here");
      }
    } catch (SQLException e) {
      return Optional.of("the query cannot be checked: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
