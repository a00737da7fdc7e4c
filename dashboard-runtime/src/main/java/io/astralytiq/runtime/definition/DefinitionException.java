package io.astralytiq.runtime.definition;

import java.util.List;

/** A definition that cannot be served; each problem is one sentence a dashboard author can act on. */
public class DefinitionException extends RuntimeException {

  private final List<String> problems;

  public DefinitionException(List<String> problems) {
    super("invalid dashboard definition: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public DefinitionException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
