/**
 * The Dashboard kind: its reconciler, the event sources it reads besides its children, and the assembly of its
 * status. Each feature it reports on (inputs, rollout, TLS, alerts, sources) lives in a subpackage of its own.
 */
package io.astralytiq.operator.dashboard;
