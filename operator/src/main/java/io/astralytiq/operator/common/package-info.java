/**
 * What every kind's reconciler shares and no kind owns: labels, conditions, status patches, Events, hashes, the
 * operator's metrics and health server. Nothing here imports a kind's package.
 */
package io.astralytiq.operator.common;
