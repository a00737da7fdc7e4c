package io.astralytiq.api.v1alpha1.definition;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A database; its credentials are read from a mounted Secret, never from the definition. dashboard-runtime reads
 * the Secret's keys as files under its secrets directory: {@code <dir>/<credentialsSecret>/username} and
 * {@code password}.
 */
public class JdbcSource {

  @JsonPropertyDescription("JDBC URL without credentials, such as jdbc:postgresql://db:5432/sales.")
  @Required
  @Pattern("^jdbc:[a-z0-9]+:.+$")
  private String url;

  @JsonPropertyDescription("Secret in the Dashboard's namespace with the keys username and password.")
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  private String credentialsSecret;

  @JsonPropertyDescription("SQL run on the database; its result becomes the dataset's table, refreshed on the"
      + " dashboard's refresh interval.")
  @Required
  @Size(min = 1, max = 16384)
  private String query;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getCredentialsSecret() {
    return credentialsSecret;
  }

  public void setCredentialsSecret(String credentialsSecret) {
    this.credentialsSecret = credentialsSecret;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
