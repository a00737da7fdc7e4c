/**
 * The operator: OperatorMain wires configuration, reconcilers, probes and metrics; nothing else lives at the root.
 * Kind packages (dashboard, tenant) never import each other; common, config, foreign and tls import no kind.
 */
package io.astralytiq.operator;
