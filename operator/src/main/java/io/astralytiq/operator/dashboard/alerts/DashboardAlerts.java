package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.foreign.ForeignApi;
import java.util.Optional;

/** How a Dashboard's alerts stand: AlertsReady, absent when it has none. */
public final class DashboardAlerts {

  private DashboardAlerts() {}

  /** @param installed whether the cluster serves the Prometheus Operator's PrometheusRules */
  public static Optional<Outcome> observe(AlertRules rules, boolean installed) {
    if (rules.requested() == 0) {
      return Optional.empty();
    }
    if (!installed) {
      return Optional.of(Outcome.of(DashboardConditions.ALERTS_READY, false,
          DashboardConditions.REASON_PROMETHEUS_OPERATOR_NOT_INSTALLED,
          rules.requested() + " alert(s) asked for, but the Prometheus Operator is not installed (no CRD "
              + ForeignApi.PROMETHEUS_RULES.crdName() + "); install it to have them served"));
    }
    return Optional.of(Outcome.of(DashboardConditions.ALERTS_READY, rules.valid(), rules.reason(), rules.message()));
  }
}
