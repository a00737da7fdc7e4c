package io.astralytiq.api.definition;

import io.astralytiq.api.v1alpha1.definition.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a query's {@code :name} parameters bind to a definition's variables: the validator and the runtime agree. */
public final class Parameters {

  private Parameters() {}

  /** The variables by name, in the order they are declared. */
  public static Map<String, Variable> byName(List<Variable> variables) {
    Map<String, Variable> byName = new LinkedHashMap<>();
    variables.forEach(v -> byName.put(v.getName(), v));
    return byName;
  }

  /** Maps a parameter to its variable: a dateRange {@code period} is bound as {@code period_from}/{@code _to}. */
  public static Optional<Variable> variableOf(String parameter, Map<String, Variable> variables) {
    Variable v = variables.get(parameter);
    if (v != null) {
      return Optional.of(v);
    }
    for (String suffix : List.of("_from", "_to")) {
      if (parameter.endsWith(suffix)) {
        Variable range = variables.get(parameter.substring(0, parameter.length() - suffix.length()));
        if (range != null && "dateRange".equals(range.getType())) {
          return Optional.of(range);
        }
      }
    }
    return Optional.empty();
  }
}
