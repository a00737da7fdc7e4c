package io.astralytiq.runtime.web;

import java.util.List;

/** A variable's control: its options, and which of them are selected. */
public record VariableView(String name, String label, String type, List<String> options, List<String> selected) {

  public boolean isSelected(String option) {
    return selected.contains(option);
  }
}
