package io.astralytiq.api.v1alpha1.definition;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.astralytiq.api.v1alpha1.ApiGroup;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

@ValidationRule(value = "self.panels.all(p, self.panels.exists_one(q, q.id == p.id))",
    message = "panel ids must be unique", fieldPath = ".panels")
@ValidationRule(value = "!has(self.datasets) || self.datasets.all(d, self.datasets.exists_one(e, e.name == d.name))",
    message = "dataset names must be unique", fieldPath = ".datasets")
public class DashboardDefinition {

  @JsonPropertyDescription("Title shown at the top of the dashboard.")
  @Required
  @Size(min = 1, max = 200)
  private String title;

  @JsonPropertyDescription("A line under the title.")
  @Size(max = 2000)
  private String description;

  @JsonPropertyDescription("How often panel data is refreshed in open browsers, such as 30s.")
  @Default("60s")
  @Size(max = 32)
  @ValidationRule(value = ApiGroup.IS_DURATION, message = "refresh must be a duration such as 30s or 5m")
  private String refresh = "60s";

  @JsonPropertyDescription("Colour theme: light, dark, or auto (follow the viewer's system setting).")
  @Default("auto")
  @Pattern("^(light|dark|auto)$")
  private String theme = "auto";

  @JsonPropertyDescription("Data the panels query, each available to SQL as a table named after the dataset.")
  @Size(max = 64)
  private List<Dataset> datasets = new ArrayList<>();

  @JsonPropertyDescription("Filters shown as controls and bound into panel queries as parameters.")
  @Size(max = 32)
  private List<Variable> variables = new ArrayList<>();

  @JsonPropertyDescription("What the dashboard shows, laid out on a 12-column grid.")
  @Required
  @Size(min = 1, max = 64)
  private List<Panel> panels = new ArrayList<>();

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getRefresh() {
    return refresh;
  }

  public void setRefresh(String refresh) {
    this.refresh = refresh;
  }

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }

  public List<Dataset> getDatasets() {
    return datasets;
  }

  public void setDatasets(List<Dataset> datasets) {
    this.datasets = datasets;
  }

  public List<Variable> getVariables() {
    return variables;
  }

  public void setVariables(List<Variable> variables) {
    this.variables = variables;
  }

  public List<Panel> getPanels() {
    return panels;
  }

  public void setPanels(List<Panel> panels) {
    this.panels = panels;
  }
}
