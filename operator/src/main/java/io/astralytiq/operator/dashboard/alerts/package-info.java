/**
 * A Dashboard's alerts: the PrometheusRule and ServiceMonitor built from spec.alerts, the checks the schema cannot
 * make, and how AlertsReady stands.
 */
package io.astralytiq.operator.dashboard.alerts;
