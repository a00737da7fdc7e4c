package io.astralytiq.operator.dashboard.alerts;

/**
 * What differs between alert types: the expression and the two sentences a person reads when it fires.
 *
 * @param expr the PromQL expression; the alert fires for every series it returns
 * @param summary one line, for notification titles
 * @param description what happened and against which threshold; may use Prometheus' template functions
 */
record RuleBody(String expr, String summary, String description) {}
