/**
 * Certificate material shared by the operator's CA, the certificates it issues and the checks of users' Secrets:
 * PEM and Secret-data codecs, key pairs, host-name matching, validity arithmetic, and the issuer that makes CAs and
 * server certificates. Its subpackages build on it; it imports none of them.
 */
package io.astralytiq.operator.tls;
