package io.astralytiq.operator.dashboard;

/** One condition the status reports, as the reconciler found it. */
record ConditionView(boolean status, String reason, String message) {}
