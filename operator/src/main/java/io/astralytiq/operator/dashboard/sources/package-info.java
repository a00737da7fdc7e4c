/**
 * What a Dashboard's runtime mounts from its namespace: the data volumes of spec.dataVolumes and the credentials
 * Secrets of its JDBC datasets. Whether each exists and may be mounted is judged here, from objects read by name
 * (Secrets and claims are never listed or watched), before any pod asks for them.
 */
package io.astralytiq.operator.dashboard.sources;
