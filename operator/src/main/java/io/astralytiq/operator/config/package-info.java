/**
 * The operator's settings: {@code OperatorConfig}, parsed once at start-up, and the policies it holds (such as
 * {@code TlsPolicy}). Imports no other package of the operator, so every package may read settings without a cycle.
 */
package io.astralytiq.operator.config;
