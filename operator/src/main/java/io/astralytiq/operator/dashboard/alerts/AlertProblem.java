package io.astralytiq.operator.dashboard.alerts;

import io.astralytiq.api.v1alpha1.DashboardConditions;

/**
 * A mistake in one alert that the CRD's schema cannot see. The alert is left out of the PrometheusRule; the others
 * are still served.
 *
 * @param alert the alert's name
 * @param field the field at fault, as a path into the Dashboard (spec.alerts[2].threshold)
 * @param message a sentence naming the alert, the field and what is expected there
 */
public record AlertProblem(String alert, String field, String message) {

  static AlertProblem of(int index, String alert, String field, String detail) {
    String path = "spec.alerts[" + index + "]." + field;
    return new AlertProblem(alert, path, "alert " + alert + " (" + path + "): " + detail);
  }

  /** The AlertsReady reason every such problem is reported with. */
  public String reason() {
    return DashboardConditions.REASON_ALERT_INVALID;
  }
}
