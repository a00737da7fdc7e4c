package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.v1alpha1.AlertSeverity;
import io.astralytiq.api.v1alpha1.AlertSpec;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One alert of spec.alerts as one Prometheus alerting rule, with the labels and annotations every rule carries. */
final class AlertRuleFactory {

  /** Labels on every alert, for Alertmanager to route and group by; the alert's name is Prometheus' alertname. */
  static final String LABEL_TENANT = "tenant";
  static final String LABEL_NAMESPACE = "namespace";
  static final String LABEL_DASHBOARD = "dashboard";
  static final String LABEL_SEVERITY = "severity";
  /** AlertSpec's default, for an alert whose for was set to null rather than left out. */
  static final String DEFAULT_FOR = "5m";

  private final DashboardModel model;
  private final AlertSettings settings;
  private final RuleBodies bodies;

  AlertRuleFactory(DashboardModel model, AlertSettings settings) {
    this.model = model;
    this.settings = settings;
    this.bodies = new RuleBodies(model, settings);
  }

  /** The rule, or empty with every mistake found added to {@code problems}. */
  Optional<Rule> rule(int index, AlertSpec alert, List<AlertProblem> problems) {
    AlertCheck check = new AlertCheck(index, alert);
    if (alert.getType() == null) {
      check.fail("type", "the alert needs a type: Availability, ErrorRate, Latency or Custom");
      problems.addAll(check.problems());
      return Optional.empty();
    }
    String forText = alert.getForDuration() == null ? DEFAULT_FOR : alert.getForDuration();
    Optional<String> forDuration = check.duration("for", forText);
    Optional<RuleBody> body = bodies.of(check, forDuration.orElse(forText));
    problems.addAll(check.problems());
    if (check.failed() || body.isEmpty() || forDuration.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RuleBuilder()
        .withAlert(alert.getName())
        .withExpr(new IntOrString(body.get().expr()))
        .withFor(forDuration.get())
        .withLabels(labels(alert))
        .withAnnotations(annotations(alert, body.get()))
        .build());
  }

  private Map<String, String> labels(AlertSpec alert) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (model.tenant() != null) {
      labels.put(LABEL_TENANT, model.tenant());
    }
    labels.put(LABEL_NAMESPACE, model.namespace());
    labels.put(LABEL_DASHBOARD, model.name());
    labels.put(LABEL_SEVERITY, (alert.getSeverity() == null ? AlertSeverity.WARNING : alert.getSeverity()).value());
    return labels;
  }

  private Map<String, String> annotations(AlertSpec alert, RuleBody body) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("summary", body.summary());
    annotations.put("description", body.description());
    annotations.put("runbook_url", settings.runbookUrl(alert.getType()));
    return annotations;
  }
}
