package io.astralytiq.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {

  private static final String HEAD = """
      title: T
      datasets: [{name: orders, format: csv, path: /data/orders.csv}]
      variables: [{name: region, type: select, options: [EMEA, AMER], default: EMEA}]
      """;

  private static Dashboard validate(String yaml) {
    return DefinitionValidator.validate(DefinitionParser.parse(yaml));
  }

  @Test
  void acceptsAGoodDefinitionAndWorksOutWhatEachPanelUses() {
    Dashboard d = validate(HEAD + """
        panels:
          - {id: a, type: bar, query: "SELECT region, count(*) AS n FROM orders WHERE region = :region GROUP BY 1"}
          - {id: b, type: metric, query: "SELECT count(*) FROM orders"}
        """);
    assertThat(d.variablesOf("a")).containsExactly("region");
    assertThat(d.variablesOf("b")).isEmpty();
    assertThat(d.datasetsOf("b")).containsExactly("orders");
  }

  @Test
  void unknownPanelType() {
    assertThatThrownBy(() -> validate(HEAD + "panels: [{id: a, type: gauge, query: SELECT 1}]\n"))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("panel 'a': unknown type 'gauge'; expected one of [area, bar, line, metric, pie,"
            + " scatter, table, text]");
  }

  @Test
  void unknownDataset() {
    assertThatThrownBy(() -> validate(HEAD + "panels: [{id: a, type: table, query: SELECT * FROM ordrs}]\n"))
        .hasMessageContaining("panel 'a': the query reads from 'ordrs', which is not a dataset; datasets: [orders]");
  }

  @Test
  void tableFunctionsAndCommonTableExpressionsAreNotDatasets() {
    Dashboard d = validate(HEAD + """
        panels:
          - {id: a, type: table, query: "WITH x AS (SELECT * FROM orders) SELECT * FROM x JOIN range(3) r ON true"}
        """);
    assertThat(d.panels()).hasSize(1);
  }

  @Test
  void missingFieldsAreNamed() {
    assertThatThrownBy(() -> validate("""
        panels:
          - {id: a, type: line}
          - {id: b, type: text}
          - {type: bar, query: SELECT 1}
        """))
        .hasMessageContaining("title is required")
        .hasMessageContaining("panel 'a': a line panel needs query")
        .hasMessageContaining("panel 'b': a text panel needs text")
        .hasMessageContaining("panels[2].id: 'null' must be");
  }

  @Test
  void undeclaredVariable() {
    assertThatThrownBy(() -> validate(HEAD + """
        panels:
          - {id: a, type: table, query: "SELECT * FROM orders WHERE region = :regoin"}
        """))
        .hasMessageContaining("panel 'a': the query uses :regoin, which is not a declared variable");
  }

  @Test
  void aDateRangeIsBoundAsItsTwoEnds() {
    assertThatThrownBy(() -> validate("""
        title: T
        datasets: [{name: orders, format: csv, path: /data/orders.csv}]
        variables: [{name: period, type: dateRange, default: 30d}]
        panels:
          - {id: a, type: table, query: "SELECT * FROM orders WHERE day > :period"}
        """))
        .hasMessageContaining("panel 'a': a dateRange is bound as :period_from and :period_to");
  }

  @Test
  void aDefaultMustBeAnOptionAndGridMustFit() {
    assertThatThrownBy(() -> validate("""
        title: T
        variables: [{name: region, type: select, options: [EMEA], default: Mars}]
        panels: [{id: a, type: text, text: x, grid: {col: 8, width: 6}}]
        """))
        .hasMessageContaining("variable 'region': default 'Mars' is not one of its options [EMEA]")
        .hasMessageContaining("panel 'a': grid must fit the 12-column grid");
  }

  @Test
  void duplicatePanelIdsAndDatasetsWithoutASource() {
    assertThatThrownBy(() -> validate("""
        title: T
        datasets: [{name: d, format: csv}]
        panels: [{id: a, type: text, text: x}, {id: a, type: text, text: y}]
        """))
        .hasMessageContaining("panel 'a': the id is used twice")
        .hasMessageContaining("dataset 'd' needs exactly one of path, url, jdbc or sample");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kpi-overview", "monitoring", "sales-funnel"})
  void everyTemplateIsValid(String name) {
    Dashboard d = validate(DashboardSource.readTemplate(name));
    assertThat(d.panels()).hasSizeGreaterThanOrEqualTo(6);
  }

  /** The examples are the templates wrapped in a Dashboard; they must not drift apart. */
  @ParameterizedTest
  @ValueSource(strings = {"kpi-overview", "monitoring", "sales-funnel"})
  void theExampleManifestHoldsTheTemplate(String name) throws IOException {
    Path example = Path.of(System.getProperty("astralytiq.root", ".."), "examples", "runtime", name + ".yaml");
    var fromExample = DefinitionParser.parse(Files.readString(example));
    var fromTemplate = DefinitionParser.parse(DashboardSource.readTemplate(name));
    assertThat(fromExample).usingRecursiveComparison().isEqualTo(fromTemplate);
  }

  /** Every Dashboard in examples/ with an inline definition is one the runtime accepts. */
  @ParameterizedTest
  @ValueSource(strings = {"dashboard-kpi.yaml", "dashboard-sales.yaml"})
  void theTopLevelExamplesAreValid(String file) throws IOException {
    Path example = Path.of(System.getProperty("astralytiq.root", ".."), "examples", file);
    assertThat(validate(Files.readString(example)).panels()).isNotEmpty();
  }
}
