/**
 * A Dashboard's desired state, pure: DashboardModel from the Dashboard, the operator's settings and the resolved
 * inputs, and one builder per child (Deployment, Service, Ingress, NetworkPolicy, ...). Tested against golden YAML.
 */
package io.astralytiq.operator.dashboard.model;
