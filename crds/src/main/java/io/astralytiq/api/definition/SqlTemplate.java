package io.astralytiq.api.definition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A panel's SQL with its {@code :name} parameters found, so values are always bound with JDBC placeholders and
 * never spliced into the text. String literals, quoted identifiers, comments, {@code ::} casts and slices such as
 * {@code list[a:b]} are not parameters.
 */
public final class SqlTemplate {

  private final List<String> parts = new ArrayList<>();
  private final List<String> parameters = new ArrayList<>();

  private SqlTemplate() {}

  public static SqlTemplate parse(String sql) {
    SqlTemplate t = new SqlTemplate();
    StringBuilder text = new StringBuilder();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int skip = skipQuotedOrComment(sql, i);
      if (skip > i) {
        text.append(sql, i, skip);
        i = skip;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        text.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < n && isNameStart(sql.charAt(i + 1)) && !followsOperand(sql, i)) {
        int end = i + 1;
        while (end < n && isNamePart(sql.charAt(end))) {
          end++;
        }
        t.parts.add(text.toString());
        text.setLength(0);
        t.parameters.add(sql.substring(i + 1, end));
        i = end;
      } else {
        text.append(c);
        i++;
      }
    }
    t.parts.add(text.toString());
    return t;
  }

  /** Parameter names in order of appearance, each once. */
  public Set<String> names() {
    return new LinkedHashSet<>(parameters);
  }

  /** Parameter names in the order their values are bound, repeated where the SQL repeats them. */
  public List<String> bindOrder() {
    return List.copyOf(parameters);
  }

  /**
   * The SQL with placeholders; a parameter whose value is a list of n items becomes n placeholders separated by
   * commas (at least one, which is bound to NULL for an empty list).
   */
  public String render(ToIntFunction<String> listSize) {
    StringBuilder sb = new StringBuilder(parts.get(0));
    for (int p = 0; p < parameters.size(); p++) {
      int size = Math.max(1, listSize.applyAsInt(parameters.get(p)));
      sb.append("?, ".repeat(size - 1)).append('?').append(parts.get(p + 1));
    }
    return sb.toString();
  }

  private static int skipQuotedOrComment(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"') {
      int j = i + 1;
      while (j < sql.length()) {
        if (sql.charAt(j) == c) {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return sql.length();
    }
    if (sql.startsWith("--", i)) {
      int end = sql.indexOf('\n', i);
      return end < 0 ? sql.length() : end;
    }
    if (sql.startsWith("/*", i)) {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? sql.length() : end + 2;
    }
    return i;
  }

  /** In {@code a[x:y]} or {@code {'k':v}} the colon follows an operand, so what follows is no parameter. */
  private static boolean followsOperand(String sql, int colon) {
    if (colon == 0) {
      return false;
    }
    char prev = sql.charAt(colon - 1);
    return isNamePart(prev) || prev == ']' || prev == ')' || prev == '\'' || prev == '"';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  }
}
