/**
 * dashboard-runtime, the Spring Boot app that serves a dashboard from its definition: the application and its
 * settings (RuntimeProperties); each feature in a package of its own.
 */
package io.astralytiq.runtime;
