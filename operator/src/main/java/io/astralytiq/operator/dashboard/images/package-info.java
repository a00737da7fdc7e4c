/**
 * Image signatures: a Dashboard's image runs only when its digest carries a cosign signature (v2 layout, key pair)
 * by a key its tenant trusts, or for the operator's own runtime image a key of the operator's, and the pods then
 * run that digest. {@link io.astralytiq.operator.dashboard.images.DashboardImages} is the feature as the reconciler
 * sees it: which keys ({@link io.astralytiq.operator.dashboard.images.SignatureRequirement}), the registry's answer,
 * and what it means for the rollout ({@link io.astralytiq.operator.dashboard.images.ImageVerdicts}, pure).
 * {@link io.astralytiq.operator.dashboard.images.ImageVerifier} reads the registry itself: it resolves the reference
 * to a digest, reads the {@code sha256-<hex>.sig} manifest and its simple-signing payloads, checks every digest it
 * downloads and verifies the signatures with Sigstore Java; verdicts are cached and shared, and checks run on its own
 * small executor so that reconcile threads never wait on a registry. No admission webhook, no cosign binary.
 */
package io.astralytiq.operator.dashboard.images;
