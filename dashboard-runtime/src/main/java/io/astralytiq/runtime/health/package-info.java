/**
 * Readiness from the definition and datasets (what the operator's rollout judges), and the definition's metrics.
 */
package io.astralytiq.runtime.health;
