package io.astralytiq.operator.config;

import java.time.Duration;
import java.util.Map;

/**
 * How the operator checks image signatures (Tenant spec.imagePolicy) and its own runtime image.
 *
 * @param runtimeImageKeys PEM public keys the default dashboard-runtime image must be signed with (concatenated PEM
 *     blocks); empty: the default runtime is checked only for tenants that require signatures, and refused there
 * @param registryEndpoints registry host[:port] as image references name it, to the base URL the operator reads it
 *     at (a mirror, or plain HTTP for a registry inside the cluster); others are https://host
 * @param registryTimeout the bound of every request to a registry
 * @param tagLifetime how long a tag's digest is trusted before the registry is asked again: a tag moved to another
 *     image is noticed within it
 * @param resultLifetime how long a verified digest stays verified without asking the registry again
 */
public record ImageTrust(String runtimeImageKeys, Map<String, String> registryEndpoints, Duration registryTimeout,
    Duration tagLifetime, Duration resultLifetime) {

  public static final ImageTrust DEFAULTS = new ImageTrust("", Map.of(), Duration.ofSeconds(10),
      Duration.ofMinutes(5), Duration.ofHours(1));

  /** Whether the operator's own runtime image is checked for every dashboard that runs it. */
  public boolean checksRuntimeImage() {
    return !runtimeImageKeys.isBlank();
  }
}
