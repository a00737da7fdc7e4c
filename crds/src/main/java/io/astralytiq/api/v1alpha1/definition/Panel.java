package io.astralytiq.api.v1alpha1.definition;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

@ValidationRule(value = "self.type == 'text' ? has(self.text) : has(self.query)",
    message = "a text panel needs text; every other panel needs query")
public class Panel {

  @JsonPropertyDescription("Identifier, unique in the dashboard; used in URLs and exports.")
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(max = 63)
  private String id;

  @JsonPropertyDescription("Title shown on the panel.")
  @Size(max = 200)
  private String title;

  @JsonPropertyDescription("metric, line, area, bar, pie, scatter, table or text.")
  @Required
  @Pattern("^(metric|line|area|bar|pie|scatter|table|text)$")
  private String type;

  @JsonPropertyDescription("SQL over the datasets; variables are bound as :name parameters (a multiSelect"
      + " expands to a list, as in IN (:name); a dateRange binds :name_from and :name_to as dates).")
  @Size(max = 16384)
  private String query;

  @JsonPropertyDescription("Column for the x axis, the category of a pie, or the value of a metric.")
  private String x;

  // Not "y": YAML 1.1 parsers, kubectl's among them, read a bare y key as the boolean true.
  @JsonPropertyDescription("Columns plotted as series; for a metric, the column its value is compared with.")
  @Size(max = 16)
  private List<String> series = new ArrayList<>();

  @JsonPropertyDescription("Display format of values: number, percent, currency:<ISO code>, bytes or duration.")
  @Pattern("^(number|percent|bytes|duration|currency:[A-Z]{3})$")
  private String format;

  @JsonPropertyDescription("Markdown of a text panel (sanitised when shown).")
  @Size(max = 20000)
  private String text;

  @JsonPropertyDescription("Place on the 12-column grid.")
  private GridPosition grid;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getX() {
    return x;
  }

  public void setX(String x) {
    this.x = x;
  }

  public List<String> getSeries() {
    return series;
  }

  public void setSeries(List<String> series) {
    this.series = series;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public GridPosition getGrid() {
    return grid;
  }

  public void setGrid(GridPosition grid) {
    this.grid = grid;
  }
}
