package io.astralytiq.runtime.panels;

import java.time.Instant;
import java.util.List;

/**
 * One panel's data as the browser, the exports and live refresh receive it. A failed query is a PanelData with an
 * error and no rows, so one broken panel never takes the others down.
 *
 * @param version a hash of the content, so live refresh can skip pushing what a browser already shows
 */
public record PanelData(String id, String type, List<String> columns, List<List<Object>> rows, boolean truncated,
    String error, long elapsedMs, Instant computedAt, int version) {

  static PanelData ok(String id, String type, List<String> columns, List<List<Object>> rows, boolean truncated,
      long elapsedMs, Instant at) {
    return new PanelData(id, type, columns, rows, truncated, null, elapsedMs, at,
        java.util.Objects.hash(columns, rows, truncated));
  }

  static PanelData failed(String id, String type, String error, long elapsedMs, Instant at) {
    return new PanelData(id, type, List.of(), List.of(), false, error, elapsedMs, at, error.hashCode());
  }
}
