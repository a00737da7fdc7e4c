package io.astralytiq.operator.dashboard.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import org.junit.jupiter.api.Test;

class DefinitionYamlTest {

  @Test
  void writingIsStableSoEqualDefinitionsHashEqually() throws Exception {
    DashboardDefinition definition = DefinitionYaml.read("""
        title: Orders
        panels:
          - {id: total, type: metric, query: SELECT 1 AS total}
        """);

    String once = DefinitionYaml.write(definition);
    String again = DefinitionYaml.write(DefinitionYaml.read(once));

    assertThat(again).isEqualTo(once);
    assertThat(once).contains("title: Orders").doesNotContain("null");
  }

  @Test
  void aSyntaxErrorNamesTheLine() {
    assertThatThrownBy(() -> DefinitionYaml.read("title: Orders\npanels: [\n  {id: a\n"))
        .isInstanceOf(DefinitionYaml.InvalidDefinitionException.class).hasMessageContaining("line")
        .extracting(e -> ((DefinitionYaml.InvalidDefinitionException) e).reason())
        .isEqualTo(DashboardConditions.REASON_DEFINITION_INVALID);
  }

  @Test
  void anUnknownFieldIsNamed() {
    assertThatThrownBy(() -> DefinitionYaml.read("title: Orders\npanel: []\n"))
        .hasMessageContaining("panel");
  }

  @Test
  void aDefinitionWithoutPanelsIsRefused() {
    assertThatThrownBy(() -> DefinitionYaml.read("title: Orders\n"))
        .hasMessage("dashboard-runtime would refuse this definition: panels: a dashboard needs at least one panel")
        .extracting(e -> ((DefinitionYaml.InvalidDefinitionException) e).reason())
        .isEqualTo(DashboardConditions.REASON_DEFINITION_REFUSED);
  }

  /**
   * Where a file may lie is the runtime's call (its data directories): such a definition is rolled out and refused
   * by the runtime's readiness, as RealRolloutE2E shows.
   */
  @Test
  void aFileOutsideTheDataDirectoriesIsLeftToTheRuntime() throws Exception {
    DashboardDefinition definition = DefinitionYaml.read("""
        title: Sales
        datasets: [{name: orders, format: csv, path: /etc/orders.csv}]
        panels:
        - {id: count, title: Orders, type: metric, query: 'SELECT count(*) AS orders FROM orders', x: orders,
           grid: {col: 0, row: 0, width: 4, height: 2}}
        """);

    assertThat(definition.getDatasets()).singleElement()
        .satisfies(d -> assertThat(d.getPath()).isEqualTo("/etc/orders.csv"));
  }

  /** The runtime's own validator judges it, so what the runtime would answer 422 to is refused before a rollout. */
  @Test
  void aDefinitionTheRuntimeWouldRefuseNamesEveryProblem() {
    assertThatThrownBy(() -> DefinitionYaml.read("""
        title: Orders
        theme: sepia
        panels:
          - {id: total, type: metric, query: SELECT count(*) FROM ordrs}
        """))
        .hasMessageContaining("theme must be light, dark or auto, not 'sepia'")
        .hasMessageContaining("panel 'total': the query reads from 'ordrs', which is not a dataset")
        .extracting(e -> ((DefinitionYaml.InvalidDefinitionException) e).reason())
        .isEqualTo(DashboardConditions.REASON_DEFINITION_REFUSED);
  }
}
