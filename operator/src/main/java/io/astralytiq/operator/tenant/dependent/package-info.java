/**
 * One small dependent per Tenant child, each delegating desired() to the model the reconciler shares through
 * the workflow context.
 */
package io.astralytiq.operator.tenant.dependent;
