package io.astralytiq.operator.common;

/** One condition the status reports, as the reconciler found it. */
public record ConditionView(boolean status, String reason, String message) {}
