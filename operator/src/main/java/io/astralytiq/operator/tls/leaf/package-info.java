/**
 * The server certificates the operator's CA issues for dashboards: how they are stored in a Secret and when one is
 * renewed (two thirds into its life, a new host, a new signing CA, unreadable data).
 */
package io.astralytiq.operator.tls.leaf;
