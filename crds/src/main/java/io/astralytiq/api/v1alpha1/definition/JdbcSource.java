package io.astralytiq.api.v1alpha1.definition;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.astralytiq.api.v1alpha1.ApiGroup;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A database; its credentials are read from a mounted Secret, never from the definition. dashboard-runtime reads
 * the Secret's keys as files under its secrets directory: {@code <dir>/<credentialsSecret>/username} and
 * {@code password}.
 */
public class JdbcSource {

  /** Connection properties a URL may set: none names a class to load, a file to read, or credentials. */
  public static final String URL_PARAMETERS = "(ssl|sslmode|currentSchema|ApplicationName|connectTimeout"
      + "|loginTimeout|socketTimeout|tcpKeepAlive|targetServerType|loadBalanceHosts|prepareThreshold"
      + "|defaultRowFetchSize)=[-A-Za-z0-9_.,]*";
  private static final String HOST_ONLY = "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?)";
  private static final String HOST = HOST_ONLY + "(:[0-9]{1,5})?";

  /**
   * The JDBC URLs a dataset may use: PostgreSQL only, the one external database driver the runtime ships. Never
   * the embedded engine's own driver (a second DuckDB would have none of the sandbox's limits), never a file.
   * dashboard-runtime applies the same pattern to definitions that did not pass through the API server.
   */
  public static final String URL_PATTERN = "^jdbc:postgresql://" + HOST + "(," + HOST + ")*"
      + "/[A-Za-z0-9_][-A-Za-z0-9_.$]*(\\?" + URL_PARAMETERS + "(&" + URL_PARAMETERS + ")*)?$";
  private static final String HOST_AND_PORT = HOST_ONLY + "(:" + ApiGroup.PORT + ")?";
  /**
   * The hosts of a JDBC URL whose ports are 1 to 65535: URL_PATTERN takes any five digits, and the operator opens
   * egress only to a port that exists. A prefix, to be found, not matched whole.
   */
  public static final String URL_PORTS = "^jdbc:postgresql://" + HOST_AND_PORT + "(," + HOST_AND_PORT + ")*/";

  @JsonPropertyDescription("JDBC URL of a PostgreSQL database, without credentials, such as"
      + " jdbc:postgresql://db:5432/sales?sslmode=require. Only PostgreSQL URLs are accepted, and only the"
      + " connection properties ssl, sslmode, currentSchema, ApplicationName, connectTimeout, loginTimeout,"
      + " socketTimeout, tcpKeepAlive, targetServerType, loadBalanceHosts, prepareThreshold and"
      + " defaultRowFetchSize.")
  @Required
  @Size(max = 1024)
  @ValidationRule(value = "self.matches(r'" + URL_PATTERN + "')", message = "only PostgreSQL JDBC URLs"
      + " (jdbc:postgresql://host:port/database) are accepted, without credentials and with only the connection"
      + " properties the field's description lists")
  @ValidationRule(value = "!self.matches(r'" + URL_PATTERN + "') || self.matches(r'" + URL_PORTS + "')",
      message = "a JDBC URL's ports must be 1 to 65535")
  private String url;

  @JsonPropertyDescription("Secret in the Dashboard's namespace with the keys username and password, labelled"
      + " astralytiq.io/dashboard-data=true (which marks it as meant for dashboards); only those two keys are mounted.")
  @Size(min = 1, max = 253)
  @ValidationRule(value = ApiGroup.IS_DNS_SUBDOMAIN,
      message = "credentialsSecret must be a lowercase DNS name such as sales-db")
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
