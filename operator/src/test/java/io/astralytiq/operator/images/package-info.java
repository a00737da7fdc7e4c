/**
 * Tests of the container images the build pushes to the local registry (Jib on the Debian base image of
 * hack/build-base-image, published as OCI indexes by hack/images): reproducible digests, one Java binary per platform,
 * annotations, a non-root user, no package management, and server-side exports drawn inside the runtime image.
 */
package io.astralytiq.operator.images;
