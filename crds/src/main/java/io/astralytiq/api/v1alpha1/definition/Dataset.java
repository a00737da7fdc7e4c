package io.astralytiq.api.v1alpha1.definition;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "[has(self.path), has(self.url), has(self.jdbc), has(self.sample)].filter(x, x).size() == 1",
    message = "a dataset needs exactly one of path, url, jdbc or sample")
@ValidationRule(value = "has(self.jdbc) == (self.format == 'jdbc')",
    message = "format jdbc goes with jdbc, and jdbc with format jdbc", fieldPath = ".format")
@ValidationRule(value = "has(self.sample) == (self.format == 'sample')",
    message = "format sample goes with sample, and sample with format sample", fieldPath = ".format")
public class Dataset {

  @JsonPropertyDescription("Table name the panels' SQL uses for this dataset.")
  @Required
  @Pattern("^[a-z_][a-z0-9_]*$")
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription("csv, parquet, json, jdbc or sample.")
  @Required
  @Pattern("^(csv|parquet|json|jdbc|sample)$")
  private String format;

  @JsonPropertyDescription("File path inside the runtime container (a mounted volume).")
  @Pattern("^/.*$")
  private String path;

  @JsonPropertyDescription("http(s) URL the file is read from.")
  @Pattern("^https?://.+$")
  private String url;

  @JsonPropertyDescription("A SQL database reached by JDBC.")
  private JdbcSource jdbc;

  @JsonPropertyDescription("Sample data that dashboard-runtime generates itself, for templates and demos:"
      + " orders, metrics or funnel.")
  @Pattern("^(orders|metrics|funnel)$")
  private String sample;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public JdbcSource getJdbc() {
    return jdbc;
  }

  public void setJdbc(JdbcSource jdbc) {
    this.jdbc = jdbc;
  }

  public String getSample() {
    return sample;
  }

  public void setSample(String sample) {
    this.sample = sample;
  }
}
