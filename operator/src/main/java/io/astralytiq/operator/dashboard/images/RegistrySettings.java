package io.astralytiq.operator.dashboard.images;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach registries.
 *
 * @param endpoints host[:port] as it appears in image references to the base URL to use for it (e.g.
 *     {@code registry.acme.io -> http://198.18.0.1:5000}); a host not listed is {@code https://host}
 *     ({@code docker.io}: {@code https://registry-1.docker.io})
 * @param timeout bounds every network call: the connection and the whole request, body included
 */
public record RegistrySettings(Map<String, String> endpoints, Duration timeout) {

  public RegistrySettings {
    endpoints = Map.copyOf(endpoints);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the registry timeout must be positive, not " + timeout);
    }
  }

  /** The base URL (scheme, host, port; no trailing slash) of the registry an image reference names. */
  public String baseUrl(String registry) {
    String configured = endpoints.get(registry);
    if (configured != null) {
      return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }
    return ImageReference.DOCKER_HUB.equals(registry) ? "https://registry-1.docker.io" : "https://" + registry;
  }
}
