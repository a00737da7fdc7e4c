/**
 * The Tenant kind: its reconciler, the status assembly (namespaces, dashboards counted, quota usage) and the
 * read of the Dashboards in its namespaces. Children are built in model/ and applied by dependent/.
 */
package io.astralytiq.operator.tenant;
