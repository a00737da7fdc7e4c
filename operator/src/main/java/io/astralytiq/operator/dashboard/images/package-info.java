/**
 * Whether a container image carries a valid cosign signature (v2 layout, key pair) made with one of a tenant's
 * trusted keys, read from the registry itself: {@link io.astralytiq.operator.dashboard.images.ImageVerifier} resolves
 * the reference to a digest, reads the {@code sha256-<hex>.sig} manifest and its simple-signing payloads, checks every
 * digest it downloads and verifies the signatures with Sigstore Java; verdicts are cached and shared, checks run on
 * its own small executor so that reconcile threads never wait on a registry. No admission webhook, no cosign binary.
 */
package io.astralytiq.operator.dashboard.images;
