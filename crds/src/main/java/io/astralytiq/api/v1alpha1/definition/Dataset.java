package io.astralytiq.api.v1alpha1.definition;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.ApiGroup;
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

  /** An http(s) URL without credentials in it. */
  public static final String URL_PATTERN = "^https?://[^/@\\s]+(/\\S*)?$";
  /**
   * The start of an http(s) URL whose port, if it names one, is 1 to 65535: URL_PATTERN takes any authority, and
   * the operator opens egress only to a port that exists. A prefix, to be found, not matched whole.
   */
  public static final String URL_PORT = "^https?://(\\[[^\\]/]*\\]|[^/?#:\\[\\]\\s]*)(:(" + ApiGroup.PORT
      + ")?)?([/?#]|$)";

  @JsonPropertyDescription("Table name the panels' SQL uses for this dataset.")
  @Required
  @Pattern("^[a-z_][a-z0-9_]*$")
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription("csv, parquet, json, jdbc or sample.")
  @Required
  @Pattern("^(csv|parquet|json|jdbc|sample)$")
  private String format;

  @JsonPropertyDescription("Absolute path of one file under " + RuntimeContract.DATA_DIR + ", where the"
      + " Dashboard's data volumes are mounted; no '.' or '..' segments, no wildcards. The dashboard's queries can"
      + " read this file and no other.")
  @Size(max = 1024)
  @ValidationRule(value = "self.startsWith('" + RuntimeContract.DATA_DIR + "/')",
      message = "a dataset file must lie under " + RuntimeContract.DATA_DIR + ", where the Dashboard's data volumes"
          + " are mounted")
  @ValidationRule(value = "!self.contains('/../') && !self.endsWith('/..') && !self.contains('/./')"
      + " && !self.endsWith('/.')", message = "a dataset path may not contain '.' or '..' segments")
  @ValidationRule(value = "!self.matches(r'[*?\\[{}]') && !self.contains('//') && !self.endsWith('/')",
      message = "a dataset path names one file: no wildcards (*, ?, [, {), no empty segments")
  private String path;

  @JsonPropertyDescription("http(s) URL the file is downloaded from, without credentials. The runtime refuses"
      + " loopback, link-local and cluster-internal addresses unless its egress configuration allows the host.")
  @Size(max = 2048)
  @ValidationRule(value = "self.matches(r'" + URL_PATTERN + "')",
      message = "a dataset URL starts with http:// or https:// and carries no credentials (user@)")
  @ValidationRule(value = "!self.matches(r'" + URL_PATTERN + "') || self.matches(r'" + URL_PORT + "')",
      message = "a dataset URL's port must be 1 to 65535")
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
