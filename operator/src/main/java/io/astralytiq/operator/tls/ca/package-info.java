/**
 * The operator's own CA (tls.mode Operator): its Secret, the bundle of CAs clients trust, and its rotation step by
 * step, so that a successor is trusted everywhere before it signs.
 */
package io.astralytiq.operator.tls.ca;
