package io.astralytiq.runtime.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.TestEngines;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.definition.DefinitionParser;
import io.astralytiq.runtime.engine.QueryEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableResolverTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-31T12:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private QueryEngine engine;
  private VariableResolver resolver;

  @BeforeEach
  void setUp() {
    CompiledDashboard d = CompiledDashboard.from(DefinitionParser.parse("""
        title: T
        datasets: [{name: orders, format: sample, sample: orders}]
        variables:
          - {name: region, type: select, options: [EMEA, AMER, APAC], default: AMER}
          - {name: products, type: multiSelect, optionsQuery: "SELECT DISTINCT product FROM orders ORDER BY 1"}
          - {name: period, type: dateRange, default: 7d}
        panels: [{id: a, type: text, text: x}]
        """));
    engine = TestEngines.engine(RuntimeProperties.Engine.of(2, Duration.ofSeconds(10), 100, "128MB", 1), dir,
        Duration.ofMinutes(1), d.datasets());
    resolver = new VariableResolver(d, engine, CLOCK);
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void defaultsApplyWhenNothingIsGiven() {
    VariableValues v = resolver.resolve(Map.of());
    assertThat(v.parameter("region")).isEqualTo("AMER");
    assertThat(v.parameter("products")).isEqualTo(List.of("Add-ons", "Business", "Enterprise", "Starter", "Team"));
    assertThat(v.parameter("period_from")).isEqualTo(LocalDate.parse("2026-03-25"));
    assertThat(v.parameter("period_to")).isEqualTo(LocalDate.parse("2026-03-31"));
  }

  @Test
  void acceptsOfferedValues() {
    VariableValues v = resolver.resolve(Map.of("region", List.of("APAC"), "products", List.of("Team", "Starter"),
        "period", List.of("2026-01-01..2026-01-31")));
    assertThat(v.parameter("region")).isEqualTo("APAC");
    assertThat(v.parameter("products")).isEqualTo(List.of("Team", "Starter"));
    assertThat(v.parameter("period_to")).isEqualTo(LocalDate.parse("2026-01-31"));
  }

  @Test
  void refusesASqlInjectionAttemptBeforeItReachesAQuery() {
    assertThatThrownBy(() -> resolver.resolve(Map.of("region", List.of("EMEA' OR '1'='1"))))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessage("variable 'region': 'EMEA' OR '1'='1' is not one of its options");
    assertThatThrownBy(() -> resolver.resolve(Map.of("products", List.of("Team", "x'); DROP TABLE orders; --"))))
        .isInstanceOf(InvalidVariableException.class);
  }

  @Test
  void refusesBadRangesAndSeveralValuesForASelect() {
    assertThatThrownBy(() -> resolver.resolve(Map.of("period", List.of("2026-02-30..2026-03-01"))))
        .hasMessageContaining("variable 'period'");
    assertThatThrownBy(() -> resolver.resolve(Map.of("region", List.of("EMEA", "AMER"))))
        .hasMessageContaining("takes one value");
  }

  @Test
  void keysDependOnlyOnTheVariablesAPanelUses() {
    VariableValues emea = resolver.resolve(Map.of("region", List.of("EMEA")));
    VariableValues amer = resolver.resolve(Map.of("region", List.of("AMER")));
    assertThat(emea.key(java.util.Set.of("period"))).isEqualTo(amer.key(java.util.Set.of("period")));
    assertThat(emea.key(java.util.Set.of("region"))).isNotEqualTo(amer.key(java.util.Set.of("region")));
  }
}
