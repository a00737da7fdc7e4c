package io.astralytiq.operator.dashboard.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        .isInstanceOf(DefinitionYaml.InvalidDefinitionException.class).hasMessageContaining("line");
  }

  @Test
  void anUnknownFieldIsNamed() {
    assertThatThrownBy(() -> DefinitionYaml.read("title: Orders\npanel: []\n"))
        .hasMessageContaining("panel");
  }

  @Test
  void aDefinitionWithoutPanelsIsRefused() {
    assertThatThrownBy(() -> DefinitionYaml.read("title: Orders\n")).hasMessage("the definition has no panels");
  }
}
