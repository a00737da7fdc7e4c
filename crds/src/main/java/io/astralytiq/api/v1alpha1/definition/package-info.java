/**
 * The dashboard definition: datasets, variables and panels, as dashboard-runtime renders them. It lives in the
 * API module so that the API server validates a definition written inline in a Dashboard.
 */
package io.astralytiq.api.v1alpha1.definition;
