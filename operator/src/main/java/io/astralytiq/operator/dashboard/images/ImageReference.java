package io.astralytiq.operator.dashboard.images;

import java.util.regex.Pattern;

/**
 * An image reference taken apart as the container runtimes do: {@code [registry/]path[:tag][@sha256:<hex>]}, the
 * registry being the first component when it has a dot or a port or is {@code localhost} (else Docker Hub, where a
 * one-component path is under {@code library/}); neither tag nor digest means {@code latest}.
 *
 * @param registry host[:port] as written (Docker Hub: {@code docker.io})
 * @param repository the path in the registry
 * @param name the reference as written without tag and digest: what {@code name@digest} pins
 * @param tag the tag, or null when the reference has a digest
 * @param digest {@code sha256:<hex>}, or null
 */
record ImageReference(String registry, String repository, String name, String tag, String digest) {

  static final String DOCKER_HUB = "docker.io";
  static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("\\w[\\w.-]{0,127}");
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\\[[0-9A-Fa-f:]+\\](?::[0-9]{1,5})?");

  /** @throws IllegalArgumentException saying what is wrong with it */
  static ImageReference parse(String image) {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("the image reference is empty");
    }
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        throw new IllegalArgumentException("its digest is not sha256:<64 hex digits>");
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw new IllegalArgumentException("its tag '" + tag + "' is not a valid tag");
      }
    }
    String registry = DOCKER_HUB;
    String path = rest;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        if (!HOST.matcher(first).matches()) {
          throw new IllegalArgumentException("its registry '" + first + "' is not a host[:port]");
        }
        registry = first.equals("index.docker.io") ? DOCKER_HUB : first;
        path = rest.substring(slash + 1);
      }
    }
    if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    for (String component : path.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw new IllegalArgumentException("its repository '" + path + "' is not a valid repository name");
      }
    }
    if (digest != null) {
      tag = null;
    } else if (tag == null) {
      tag = "latest";
    }
    return new ImageReference(registry, path, rest, tag, digest);
  }

  /** The tag or digest: what {@code /v2/<repository>/manifests/} is asked for. */
  String reference() {
    return digest != null ? digest : tag;
  }

  String pinned(String resolved) {
    return name + "@" + resolved;
  }
}
