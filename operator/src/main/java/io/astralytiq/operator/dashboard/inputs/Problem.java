package io.astralytiq.operator.dashboard.inputs;

/** A mistake in what the user asked for: reported as a condition reason and an Event, never thrown. */
public record Problem(String reason, String message) {}
