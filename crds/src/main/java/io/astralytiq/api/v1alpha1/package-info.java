/**
 * The {@code astralytiq.io/v1alpha1} API: {@link io.astralytiq.api.v1alpha1.Tenant} and
 * {@link io.astralytiq.api.v1alpha1.Dashboard}. The CRDs are generated from these classes, so every
 * constraint declared here is enforced by the API server at {@code kubectl apply} time.
 */
package io.astralytiq.api.v1alpha1;
