/**
 * The rules of the dashboard definition language that the schema cannot express: the validator, and the durations,
 * date ranges and SQL parameters it reads. Here, next to the definition model, because the operator (before a
 * rollout) and dashboard-runtime (when it loads a definition) must judge a definition the same way. JDK and API only.
 */
package io.astralytiq.api.definition;
