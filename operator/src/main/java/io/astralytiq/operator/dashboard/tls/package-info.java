/**
 * How the certificate of a Dashboard's ingress stands, per TLS mode (CertManager, Secret, Operator, None), and, for
 * tls.mode Operator, keeping its Secret holding a current certificate from the operator's CA.
 */
package io.astralytiq.operator.dashboard.tls;
