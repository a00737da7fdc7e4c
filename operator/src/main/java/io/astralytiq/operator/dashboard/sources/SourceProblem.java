package io.astralytiq.operator.dashboard.sources;

/**
 * An object a Dashboard mounts that is missing or may not be mounted. It names objects, never their content.
 *
 * @param reason the Ready reason, a DashboardConditions constant
 * @param message a sentence naming the object, the field that names it and what is wrong
 */
public record SourceProblem(String reason, String message) {}
