package io.astralytiq.api.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;

/** The rules of a definition, as the operator and the runtime both apply them. */
class DefinitionValidatorTest {

  private static final String HEAD = """
      title: T
      datasets: [{name: orders, format: csv, path: /data/orders.csv}]
      variables: [{name: region, type: select, options: [EMEA, AMER], default: EMEA}]
      """;

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private static List<String> problems(String yaml) {
    return DefinitionValidator.problems(YAML.unmarshal(yaml, DashboardDefinition.class));
  }

  private static ListAssert<String> assertProblems(String yaml) {
    return assertThat(problems(yaml));
  }

  /** The problems of a definition that must be refused, as one text (the runtime shows them joined so). */
  private static AbstractStringAssert<?> assertRefused(String yaml) {
    List<String> problems = problems(yaml);
    assertThat(problems).as("problems").isNotEmpty();
    return assertThat(String.join("; ", problems));
  }

  @Test
  void acceptsAGoodDefinition() {
    assertProblems(HEAD + """
        panels:
          - {id: a, type: bar, query: "SELECT region, count(*) AS n FROM orders WHERE region = :region GROUP BY 1"}
          - {id: b, type: metric, query: "SELECT count(*) FROM orders"}
        """).isEmpty();
  }

  @Test
  void unknownPanelType() {
    assertRefused(HEAD + "panels: [{id: a, type: gauge, query: SELECT 1}]\n")
        .contains("panel 'a': unknown type 'gauge'; expected one of [area, bar, line, metric, pie,"
            + " scatter, table, text]");
  }

  @Test
  void unknownDataset() {
    assertRefused(HEAD + "panels: [{id: a, type: table, query: SELECT * FROM ordrs}]\n")
        .contains("panel 'a': the query reads from 'ordrs', which is not a dataset; datasets: [orders]");
  }

  @Test
  void tableFunctionsAndCommonTableExpressionsAreNotDatasets() {
    assertProblems(HEAD + """
        panels:
          - {id: a, type: table, query: "WITH x AS (SELECT * FROM orders) SELECT * FROM x JOIN range(3) r ON true"}
        """).isEmpty();
  }

  @Test
  void missingFieldsAreNamed() {
    assertRefused("""
        panels:
          - {id: a, type: line}
          - {id: b, type: text}
          - {type: bar, query: SELECT 1}
        """)
        .contains("title is required")
        .contains("panel 'a': a line panel needs query")
        .contains("panel 'b': a text panel needs text")
        .contains("panels[2].id: 'null' must be");
  }

  @Test
  void undeclaredVariable() {
    assertRefused(HEAD + """
        panels:
          - {id: a, type: table, query: "SELECT * FROM orders WHERE region = :regoin"}
        """)
        .contains("panel 'a': the query uses :regoin, which is not a declared variable");
  }

  @Test
  void aDateRangeIsBoundAsItsTwoEnds() {
    assertRefused("""
        title: T
        datasets: [{name: orders, format: csv, path: /data/orders.csv}]
        variables: [{name: period, type: dateRange, default: 30d}]
        panels:
          - {id: a, type: table, query: "SELECT * FROM orders WHERE day > :period"}
        """)
        .contains("panel 'a': a dateRange is bound as :period_from and :period_to");
  }

  @Test
  void aDefaultMustBeAnOptionAndGridMustFit() {
    assertRefused("""
        title: T
        variables: [{name: region, type: select, options: [EMEA], default: Mars}]
        panels: [{id: a, type: text, text: x, grid: {col: 8, width: 6}}]
        """)
        .contains("variable 'region': default 'Mars' is not one of its options [EMEA]")
        .contains("panel 'a': grid must fit the 12-column grid");
  }

  @Test
  void duplicatePanelIdsAndDatasetsWithoutASource() {
    assertRefused("""
        title: T
        datasets: [{name: d, format: csv}]
        panels: [{id: a, type: text, text: x}, {id: a, type: text, text: y}]
        """)
        .contains("panel 'a': the id is used twice")
        .contains("dataset 'd' needs exactly one of path, url, jdbc or sample");
  }

  @Test
  void urlPortsOutOfRange() {
    assertRefused("""
        title: T
        datasets:
          - {name: a, format: csv, url: 'https://files.example.com:99999/a.csv'}
          - {name: b, format: jdbc, jdbc: {url: 'jdbc:postgresql://db:5432,replica:0/sales', query: SELECT 1}}
        panels: [{id: p, type: text, text: x}]
        """)
        .contains("dataset 'a': the url's port must be 1 to 65535, in 'https://files.example.com:99999/a.csv'")
        .contains("dataset 'b': jdbc.url's ports must be 1 to 65535, in 'jdbc:postgresql://db:5432,replica:0/sales'");
  }

  @Test
  void urlPortsInRangeOrLeftToTheScheme() {
    assertProblems("""
        title: T
        datasets:
          - {name: a, format: csv, url: 'https://files.example.com:65535/a.csv'}
          - {name: b, format: csv, url: 'http://[2001:db8::1]:8080/b.csv?x=1'}
          - {name: c, format: csv, url: 'https://files.example.com'}
          - {name: d, format: jdbc, jdbc: {url: 'jdbc:postgresql://db,[2001:db8::2]:1/sales', query: SELECT 1}}
        panels: [{id: p, type: text, text: x}]
        """).isEmpty();
  }
}
