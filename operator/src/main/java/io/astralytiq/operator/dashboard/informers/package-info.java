/**
 * The informers a Dashboard reads besides its children (namespace, tenant, referenced ConfigMaps, revisions, pods,
 * Unhealthy Events): their names and typed accessors, in one place. The root's DashboardEventSources builds them.
 */
package io.astralytiq.operator.dashboard.informers;
