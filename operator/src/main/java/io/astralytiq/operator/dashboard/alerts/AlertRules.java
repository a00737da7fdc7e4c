package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.util.List;
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
