package io.astralytiq.runtime.variables;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.astralytiq.api.definition.DateRanges;
import io.astralytiq.api.v1alpha1.definition.Variable;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.engine.QueryEngine;
import io.astralytiq.runtime.engine.QueryException;
import io.astralytiq.runtime.engine.QueryResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns request parameters into checked variable values: every value must be one of the variable's options (the
 * declared list, or what its optionsQuery returns), a date range must parse. Anything else is refused, so a value
 * that was not offered never reaches a query, not even as a bind parameter.
 */
public final class VariableResolver {

  private static final String DEFAULT_RANGE = "30d";

  private final CompiledDashboard dashboard;
  private final QueryEngine engine;
  private final Clock clock;
  private final Cache<String, List<String>> options;

  public VariableResolver(CompiledDashboard dashboard, QueryEngine engine, Clock clock) {
    this.dashboard = dashboard;
    this.engine = engine;
    this.clock = clock;
    this.options = Caffeine.newBuilder().expireAfterWrite(dashboard.refresh()).build();
  }

  public VariableValues resolve(Map<String, List<String>> params) {
    Map<String, List<String>> selected = new HashMap<>();
    Map<String, DateRanges.Range> ranges = new HashMap<>();
    Set<String> multi = new HashSet<>();
    for (Variable v : dashboard.variables()) {
      List<String> given = nonEmpty(params.get(v.getName()));
      switch (v.getType()) {
        case "dateRange" -> {
          String value = given.isEmpty() ? orElse(v.getDefaultValue(), DEFAULT_RANGE) : single(v, given);
          try {
            ranges.put(v.getName(), DateRanges.resolve(value, clock));
          } catch (IllegalArgumentException e) {
            throw new InvalidVariableException("variable '" + v.getName() + "': " + e.getMessage());
          }
          selected.put(v.getName(), List.of(value));
        }
        case "multiSelect" -> {
          multi.add(v.getName());
          List<String> values = given.isEmpty() ? defaults(v, true) : splitAll(given);
          selected.put(v.getName(), checked(v, values));
        }
        default -> {
          String value = given.isEmpty() ? defaults(v, false).get(0) : single(v, given);
          selected.put(v.getName(), checked(v, List.of(value)));
        }
      }
    }
    return new VariableValues(selected, ranges, multi);
  }

  /** The values offered for a select or multiSelect, from its options or its optionsQuery. */
  public List<String> options(Variable v) {
    if (!v.getOptions().isEmpty() || v.getOptionsQuery() == null) {
      return v.getOptions();
    }
    return options.get(v.getName(), name -> {
      QueryResult r;
      try {
        r = engine.query(v.getOptionsQuery(), List.of(), dashboard.datasets().stream()
            .filter(d -> v.getOptionsQuery().toLowerCase().matches("(?s).*\\b" + d.getName() + "\\b.*")).toList());
      } catch (QueryException e) {
        throw new QueryException("variable '" + v.getName() + "': " + e.getMessage(), e.isTimeout(), e);
      }
      List<String> values = new ArrayList<>();
      for (List<Object> row : r.rows()) {
        values.add(String.valueOf(row.get(0)));
      }
      return List.copyOf(values);
    });
  }

  private List<String> checked(Variable v, List<String> values) {
    Set<String> allowed = new HashSet<>(options(v));
    for (String value : values) {
      if (!allowed.contains(value)) {
        throw new InvalidVariableException("variable '" + v.getName() + "': '" + abbreviate(value)
            + "' is not one of its options");
      }
    }
    return List.copyOf(new LinkedHashSet<>(values));
  }

  private List<String> defaults(Variable v, boolean multi) {
    if (v.getDefaultValue() != null) {
      return multi ? splitAll(List.of(v.getDefaultValue())) : List.of(v.getDefaultValue());
    }
    List<String> all = options(v);
    if (all.isEmpty()) {
      throw new InvalidVariableException("variable '" + v.getName() + "' has no options to choose from");
    }
    return multi ? all : List.of(all.get(0));
  }

  private static String single(Variable v, List<String> given) {
    if (given.size() > 1) {
      throw new InvalidVariableException("variable '" + v.getName() + "' takes one value, got " + given.size());
    }
    return given.get(0);
  }

  /** A multiSelect arrives as repeated parameters (an HTML form) or comma-separated (a hand-written URL). */
  private static List<String> splitAll(List<String> given) {
    List<String> out = new ArrayList<>();
    for (String g : given) {
      for (String part : g.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  private static List<String> nonEmpty(List<String> values) {
    return values == null ? List.of() : values.stream().filter(s -> s != null && !s.isEmpty()).toList();
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static String abbreviate(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
