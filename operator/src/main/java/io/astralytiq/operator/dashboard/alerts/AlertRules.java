package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.v1alpha1.AlertSpec;
import io.astralytiq.api.v1alpha1.AlertSpec.AlertType;
import io.astralytiq.api.v1alpha1.DashboardConditions;
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
import java.util.stream.Collectors;

/**
 * The alerts of one Dashboard as Prometheus will serve them, and what kept some from being served.
 *
 * @param prometheusRule the PrometheusRule with one rule per valid alert; empty when not one alert can be served
 * @param problems mistakes the schema cannot see, one or more per alert left out
 * @param paused names of Availability alerts left out while the dashboard is suspended (no pods is what it asked for)
 * @param requested how many alerts spec.alerts lists
 */
public record AlertRules(
    Optional<PrometheusRule> prometheusRule, List<AlertProblem> problems, List<String> paused, int requested) {

  public AlertRules {
    problems = List.copyOf(problems);
    paused = List.copyOf(paused);
  }

  /**
   * The Dashboard's spec.alerts as one PrometheusRule: one group named after the dashboard, one alerting rule per
   * alert, in the order listed. An alert with a mistake the schema cannot see is left out and reported, and the
   * others are still served: one wrong threshold should not silence every alert of the dashboard.
   */
  public static AlertRules from(DashboardModel model, AlertSettings settings) {
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

  /** Whether every alert could be built; what AlertsReady's status is once the rule is applied. */
  public boolean valid() {
    return problems.isEmpty();
  }

  public int served() {
    return prometheusRule.map(rule -> rule.getSpec().getGroups().get(0).getRules().size()).orElse(0);
  }

  /** AlertsReady's reason once the PrometheusRule (if any) is applied: NoAlerts, AlertInvalid or AlertsApplied. */
  public String reason() {
    if (requested == 0) {
      return DashboardConditions.REASON_NO_ALERTS;
    }
    return valid() ? DashboardConditions.REASON_ALERTS_APPLIED : DashboardConditions.REASON_ALERT_INVALID;
  }

  /** AlertsReady's message to go with {@link #reason()}: every problem, or what is served. */
  public String message() {
    if (requested == 0) {
      return "the dashboard has no alerts";
    }
    String served = served() + " of " + requested + " alerts served"
        + prometheusRule.map(rule -> " by PrometheusRule " + rule.getMetadata().getName()).orElse("");
    String pausedNote = paused.isEmpty() ? "" : "; paused while the dashboard is suspended: " + String.join(", ", paused);
    if (valid()) {
      return served + pausedNote;
    }
    return problems.stream().map(AlertProblem::message).collect(Collectors.joining("; ")) + " (" + served + ")";
  }
}
