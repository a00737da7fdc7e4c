package io.astralytiq.runtime.engine;

import java.util.List;

/**
 * Rows of a query, with values already in JSON-friendly types (numbers, booleans, ISO-8601 strings).
 *
 * @param truncated whether the row limit cut rows off
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {

  public QueryResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public int columnIndex(String name) {
    return columns.indexOf(name);
  }
}
