/**
 * Third-party APIs the operator creates objects of when a cluster has them installed (cert-manager, the
 * Prometheus Operator): which ones there are, how to tell they are installed, and the typed classes of those that
 * have no model library.
 */
package io.astralytiq.operator.foreign;
