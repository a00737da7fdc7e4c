package io.astralytiq.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the runtime makes of a definition the shared validator accepts (its rules are tested with it, in crds), and
 * that the templates and examples it serves are accepted.
 */
class CompiledDashboardTest {

  private static final String HEAD = """
      title: T
      datasets: [{name: orders, format: csv, path: /data/orders.csv}]
      variables: [{name: region, type: select, options: [EMEA, AMER], default: EMEA}]
      """;

  private static CompiledDashboard validate(String yaml) {
    return CompiledDashboard.from(DefinitionParser.parse(yaml));
  }

  @Test
  void acceptsAGoodDefinitionAndWorksOutWhatEachPanelUses() {
    CompiledDashboard d = validate(HEAD + """
        panels:
          - {id: a, type: bar, query: "SELECT region, count(*) AS n FROM orders WHERE region = :region GROUP BY 1"}
          - {id: b, type: metric, query: "SELECT count(*) FROM orders"}
        """);
    assertThat(d.variablesOf("a")).containsExactly("region");
    assertThat(d.variablesOf("b")).isEmpty();
    assertThat(d.datasetsOf("b")).containsExactly("orders");
  }

  @Test
  void aRefusedDefinitionListsEveryProblem() {
    assertThatThrownBy(() -> validate(HEAD + "panels: [{id: a, type: gauge, query: SELECT * FROM ordrs}]\n"))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("panel 'a': unknown type 'gauge'")
        .satisfies(e -> assertThat(((DefinitionException) e).problems()).hasSize(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kpi-overview", "monitoring", "sales-funnel"})
  void everyTemplateIsValid(String name) {
    CompiledDashboard d = validate(DashboardSource.readTemplate(name));
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
