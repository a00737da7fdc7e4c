/**
 * A Tenant's desired children as pure builders: namespaces, RoleBindings to the tenant ClusterRoles, ResourceQuota,
 * LimitRange and NetworkPolicies. Tested without a cluster.
 */
package io.astralytiq.operator.tenant.model;
