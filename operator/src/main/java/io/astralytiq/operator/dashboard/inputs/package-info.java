/**
 * What a Dashboard's desired state depends on besides its spec, and whether it may run: the definition (inline or
 * referenced), the image reference, the environment it gives dashboard-runtime, the host it claims and its tenant's
 * admission. Mistakes found here become problems reported in the status, so no child is changed while they stand.
 */
package io.astralytiq.operator.dashboard.inputs;
