package io.astralytiq.api.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Datasets a hostile author might declare, each refused when the definition loads, with a message naming the
 * dataset: other JDBC drivers (a second, unlimited DuckDB above all), PostgreSQL URLs whose connection properties
 * load classes or read files, credentials in URLs, and file paths that reach past the data directories (the mounted
 * credentials in particular). The same patterns are the CRD schema's, so kubectl apply refuses these first. Which
 * directories a file may lie under is the runtime's own call (dashboard-runtime's DatasetPathsTest).
 */
class HostileDefinitionsTest {

  static Stream<Arguments> datasets() {
    return Stream.of(
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:duckdb:', query: SELECT 1}}", "jdbc.url must be a PostgreSQL URL"),
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:duckdb:/data/x.db', query: SELECT 1}}", "PostgreSQL URL"),
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:h2:mem:x', query: SELECT 1}}", "PostgreSQL URL"),
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:sqlite:/etc/passwd', query: SELECT 1}}", "PostgreSQL URL"),
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:postgresql:sales', query: SELECT 1}}", "PostgreSQL URL"),
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:postgresql://db/x?socketFactory=java.lang.Thread',"
            + " query: SELECT 1}}", "only the connection properties the API lists"),
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:postgresql://db/x?sslfactory=x.Y', query: SELECT 1}}",
            "connection properties"),
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:postgresql://db/x?authenticationPluginClassName=x.Y',"
            + " query: SELECT 1}}", "connection properties"),
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:postgresql://db/x?sslkey=/var/run/secrets/astralytiq/a/password',"
            + " query: SELECT 1}}", "connection properties"),
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:postgresql://db/x?user=admin&password=x', query: SELECT 1}}",
            "without credentials"),
        Arguments.of("{format: jdbc, jdbc: {url: 'jdbc:postgresql://db/x;ATTACH', query: SELECT 1}}", "PostgreSQL URL"),
        Arguments.of("{format: csv, url: 'http://user:secret@example.com/x.csv'}", "carry no credentials"),
        Arguments.of("{format: csv, url: 'file:///etc/passwd'}", "url must start with http"),
        Arguments.of("{format: csv, url: 'ftp://example.com/x.csv'}", "url must start with http"),
        Arguments.of("{format: csv, path: 'data/orders.csv'}", "path must be one file by its absolute path"),
        Arguments.of("{format: csv, path: '/data/../etc/passwd'}", "without '..'"),
        Arguments.of("{format: csv, path: '/data/./x.csv'}", "without '..'"),
        Arguments.of("{format: csv, path: '/data/*.csv'}", "wildcards"),
        Arguments.of("{format: csv, path: '/data/{a,b}.csv'}", "wildcards"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void refusesTheDefinitionNamingTheDataset(String dataset, String message) {
    DashboardDefinition definition = new KubernetesSerialization().unmarshal("title: T\ndatasets: [{name: evil, "
        + dataset.substring(1) + "]\npanels: [{id: a, type: metric, query: SELECT 1}]\n", DashboardDefinition.class);
    assertThat(DefinitionValidator.problems(definition)).anySatisfy(problem -> assertThat(problem)
        .contains("dataset 'evil'").contains(message));
  }
}
