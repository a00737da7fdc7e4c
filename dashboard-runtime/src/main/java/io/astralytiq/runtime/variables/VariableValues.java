package io.astralytiq.runtime.variables;

import io.astralytiq.api.definition.DateRanges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checked value of every variable for one request. Values leave here only as bind parameters: strings, lists
 * of strings (a multiSelect) and dates (the ends of a dateRange).
 */
public final class VariableValues {

  private final Map<String, List<String>> selected;
  private final Map<String, DateRanges.Range> ranges;
  private final Set<String> multi;

  VariableValues(Map<String, List<String>> selected, Map<String, DateRanges.Range> ranges, Set<String> multi) {
    this.selected = Map.copyOf(selected);
    this.ranges = Map.copyOf(ranges);
    this.multi = Set.copyOf(multi);
  }

  public static VariableValues none() {
    return new VariableValues(Map.of(), Map.of(), Set.of());
  }

  /** What a viewer picked, by variable, for showing the controls and the PDF header. */
  public Map<String, List<String>> selected() {
    return selected;
  }

  /** The value bound for a parameter: a dateRange {@code p} is bound as {@code p_from} and {@code p_to}. */
  public Object parameter(String name) {
    for (Map.Entry<String, DateRanges.Range> e : ranges.entrySet()) {
      if (name.equals(e.getKey() + "_from")) {
        return e.getValue().from();
      }
      if (name.equals(e.getKey() + "_to")) {
        return e.getValue().to();
      }
    }
    List<String> values = selected.get(name);
    if (values == null) {
      throw new IllegalArgumentException("no value for :" + name);
    }
    return multi.contains(name) ? values : values.get(0);
  }

  /**
   * A stable key of the values of the given variables only, so panels that do not use a variable share one cache
   * entry whatever it is set to. Dates are resolved, so "30d" yesterday and today are different keys.
   */
  public String key(Set<String> variables) {
    Map<String, Object> parts = new LinkedHashMap<>();
    for (String v : new TreeSet<>(variables)) {
      parts.put(v, ranges.containsKey(v) ? ranges.get(v) : selected.get(v));
    }
    return parts.toString();
  }
}
