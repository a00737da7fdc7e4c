package io.astralytiq.operator.dashboard.alerts;

import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.custom;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.errorRate;
import static io.astralytiq.operator.dashboard.alerts.AlertDashboards.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.dashboard.alerts.AlertDashboards.Scenario;
import io.astralytiq.operator.testing.Promtool;
import io.astralytiq.testing.Command;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule group the operator generates is one Prometheus loads: checked by promtool, Prometheus' own parser. */
class PromtoolCheckRulesIT {

  private static Promtool promtool;

  @TempDir
  Path dir;

  @BeforeAll
  static void findPromtool() {
    promtool = Promtool.installed();
  }

  static List<Scenario> scenarios() {
    return AlertDashboards.scenarios();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyScenariosRulesPassPromtool(Scenario scenario) {
    AlertRules rules = scenario.rules();

    Command.Result check = promtool.checkRules(Promtool.writeRuleFile(dir, scenario.name(),
        rules.prometheusRule().orElseThrow()));

    assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
    assertThat(check.stdout()).contains("SUCCESS: " + rules.served() + " rules found");
  }

  @Test
  void aBrokenCustomExpressionPassesTheOperatorButNotPromtool() {
    AlertRules rules = AlertRules.from(model(1, errorRate("HighErrorRate", "5%"),
        custom("Unbalanced", "sum(rate(jobs_failed_total[5m])")), AlertSettings.DEFAULTS);

    Command.Result check = promtool.checkRules(Promtool.writeRuleFile(dir, "broken",
        rules.prometheusRule().orElseThrow()));

    assertThat(rules.valid()).as("the operator does not parse PromQL").isTrue();
    assertThat(check.exitCode()).isNotZero();
    assertThat(check.stderr()).contains("\"Unbalanced\"").contains("parse error")
        .doesNotContain("\"HighErrorRate\"");
  }
}
