/**
 * Checks of the kubernetes.io/tls Secret a user names for a dashboard (tls.mode Secret): type, content, host and
 * validity, each with a verdict a user can act on.
 */
package io.astralytiq.operator.tls.secret;
