package io.astralytiq.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {

  @Test
  void readsABareDefinition() {
    DashboardDefinition d = DefinitionParser.parse("""
        title: Sales
        panels:
          - {id: a, type: text, text: hi, grid: {col: 2, row: 1, width: 4, height: 2}}
        """);
    assertThat(d.getTitle()).isEqualTo("Sales");
    assertThat(d.getRefresh()).isEqualTo("60s");
    assertThat(d.getPanels().get(0).getGrid().getWidth()).isEqualTo(4);
  }

  @Test
  void takesTheDefinitionOutOfADashboardManifest() {
    DashboardDefinition d = DefinitionParser.parse("""
        apiVersion: astralytiq.io/v1alpha1
        kind: Dashboard
        metadata: {name: x}
        spec:
          replicas: 2
          definition:
            title: From a manifest
            panels: [{id: a, type: text, text: hi}]
        """);
    assertThat(d.getTitle()).isEqualTo("From a manifest");
  }

  @Test
  void namesAnUnknownFieldAndWhereItIs() {
    assertThatThrownBy(() -> DefinitionParser.parse("""
        title: Sales
        panels:
          - {id: a, type: text, text: hi, colour: red}
        """))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("unknown field 'colour' at panels[0].colour");
  }

  @Test
  void refusesAnotherKind() {
    assertThatThrownBy(() -> DefinitionParser.parse("kind: Tenant\nspec: {}\n"))
        .hasMessageContaining("got kind Tenant");
  }

  @Test
  void refusesBrokenYamlWithItsLine() {
    assertThatThrownBy(() -> DefinitionParser.parse("title: a\npanels: [\n  - x: : :\n"))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("not valid YAML");
  }
}
