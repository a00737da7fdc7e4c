package io.astralytiq.runtime.export;

import io.astralytiq.runtime.panels.PanelData;
import java.util.List;

/**
 * RFC 4180 CSV of a panel's rows. Text cells that a spreadsheet would run as a formula (starting with =, +, - or @)
 * get a leading apostrophe, so opening an export cannot execute anything.
 */
final class CsvWriter {

  private CsvWriter() {}

  static String write(PanelData data) {
    StringBuilder sb = new StringBuilder();
    line(sb, data.columns().stream().map(c -> (Object) c).toList());
    for (List<Object> row : data.rows()) {
      line(sb, row);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells.get(i)));
    }
    sb.append("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
