package io.astralytiq.api.v1alpha1.definition;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

@ValidationRule(value = "self.type == 'dateRange' || (has(self.options) && size(self.options) > 0)"
    + " || has(self.optionsQuery)", message = "a select variable needs options or optionsQuery")
public class Variable {

  @JsonPropertyDescription("Name a query binds as :name.")
  @Required
  @Pattern("^[a-z_][a-z0-9_]*$")
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription("Label of the control.")
  @Size(max = 100)
  private String label;

  @JsonPropertyDescription("select, multiSelect or dateRange.")
  @Required
  @Pattern("^(select|multiSelect|dateRange)$")
  private String type;

  @JsonPropertyDescription("Values to choose from.")
  @Size(max = 1000)
  private List<String> options = new ArrayList<>();

  @JsonPropertyDescription("SQL whose first column gives the values to choose from.")
  @Size(max = 8192)
  private String optionsQuery;

  @JsonProperty("default")
  @JsonPropertyDescription("Initial value: one option, a comma-separated list for multiSelect, or a range such as"
      + " 30d for dateRange.")
  @Size(max = 1000)
  private String defaultValue;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public List<String> getOptions() {
    return options;
  }

  public void setOptions(List<String> options) {
    this.options = options;
  }

  public String getOptionsQuery() {
    return optionsQuery;
  }

  public void setOptionsQuery(String optionsQuery) {
    this.optionsQuery = optionsQuery;
  }

  public String getDefaultValue() {
    return defaultValue;
  }

  public void setDefaultValue(String defaultValue) {
    this.defaultValue = defaultValue;
  }
}
