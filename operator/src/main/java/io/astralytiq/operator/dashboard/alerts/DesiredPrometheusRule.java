package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.v1alpha1.AlertSpec;
import io.astralytiq.api.v1alpha1.AlertSpec.AlertType;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Dashboard's spec.alerts as one PrometheusRule: one group named after the dashboard, one alerting rule per
 * alert, in the order listed. An alert with a mistake the schema cannot see is left out and reported, and the others
 * are still served: one wrong threshold should not silence every alert of the dashboard.
 */
public final class DesiredPrometheusRule {

  private DesiredPrometheusRule() {}

  public static AlertRules of(DashboardModel model, AlertSettings settings) {
    List<AlertSpec> alerts = model.spec().getAlerts() == null ? List.of() : model.spec().getAlerts();
    AlertRuleFactory factory = new AlertRuleFactory(model, settings);
    List<Rule> rules = new ArrayList<>();
    List<AlertProblem> problems = new ArrayList<>();
    List<String> paused = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int index = 0; index < alerts.size(); index++) {
      AlertSpec alert = alerts.get(index);
      Integer first = firstIndex.putIfAbsent(alert.getName(), index);
      if (first != null) {
        problems.add(AlertProblem.of(index, alert.getName(), "name", "spec.alerts[" + first + "] has the same name;"
            + " alert names are unique within a dashboard"));
      } else if (model.suspended() && alert.getType() == AlertType.Availability) {
        paused.add(alert.getName());
      } else {
        factory.rule(index, alert, problems).ifPresent(rules::add);
      }
    }
    Optional<PrometheusRule> rule = rules.isEmpty() ? Optional.empty() : Optional.of(prometheusRule(model, settings,
        rules));
    return new AlertRules(rule, problems, paused, alerts.size());
  }

  private static PrometheusRule prometheusRule(DashboardModel model, AlertSettings settings, List<Rule> rules) {
    return new PrometheusRuleBuilder()
        .withMetadata(DesiredServiceMonitor.metadata(model, settings, DashboardNames.prometheusRule(model.dashboard())))
        .withNewSpec()
          .addNewGroup().withName(model.name()).withRules(rules).endGroup()
        .endSpec()
        .build();
  }
}
