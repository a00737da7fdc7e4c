/**
 * What the operator and dashboard-runtime agree on about the runtime's container and metrics: mount paths,
 * environment, port, probes and metric names, as constants both sides use.
 */
package io.astralytiq.api.runtime;
