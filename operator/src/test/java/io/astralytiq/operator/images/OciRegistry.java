package io.astralytiq.operator.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Just enough of the OCI distribution API over plain HTTP to read what the build pushed: manifests and indexes (their
 * digest computed from the bytes and checked against the registry's), blobs, tags, and deleting a manifest or a tag.
 */
final class OciRegistry {

  /** A manifest or index as stored, with the digest of its bytes. */
  record Manifest(String digest, JsonNode json) {}

  private static final String ACCEPT = String.join(", ", "application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.distribution.manifest.v2+json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NORMAL).build();
  private final String base;

  OciRegistry(String registry) {
    this.base = "http://" + registry + "/v2/";
  }

  /** The manifest a tag or digest names, if the repository has it. */
  Optional<Manifest> find(String repository, String reference) {
    HttpResponse<byte[]> response = send(request(repository + "/manifests/" + reference).header("Accept", ACCEPT),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    check(response, "GET manifest " + repository + ":" + reference);
    String digest = sha256(response.body());
    response.headers().firstValue("Docker-Content-Digest").ifPresent(d -> {
      if (!d.equals(digest)) {
        throw new IllegalStateException("the registry says " + d + " for a manifest whose bytes hash to " + digest);
      }
    });
    try {
      return Optional.of(new Manifest(digest, JSON.readTree(response.body())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Manifest manifest(String repository, String reference) {
    return find(repository, reference)
        .orElseThrow(() -> new IllegalStateException("no manifest " + repository + ":" + reference + " in " + base));
  }

  /** The platform manifest of an index for linux/arch. */
  Manifest platform(String repository, Manifest index, String architecture) {
    for (JsonNode entry : index.json().path("manifests")) {
      JsonNode platform = entry.path("platform");
      if (platform.path("os").asText().equals("linux") && platform.path("architecture").asText().equals(architecture)) {
        return manifest(repository, entry.path("digest").asText());
      }
    }
    throw new IllegalStateException("no linux/" + architecture + " in " + repository + "@" + index.digest());
  }

  JsonNode config(String repository, Manifest manifest) {
    try (InputStream in = blob(repository, manifest.json().path("config").path("digest").asText())) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InputStream blob(String repository, String digest) {
    HttpResponse<InputStream> response = send(request(repository + "/blobs/" + digest),
        HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      try (InputStream body = response.body()) {
        throw new IllegalStateException("GET blob " + repository + "@" + digest + ": HTTP " + response.statusCode());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return response.body();
  }

  /** The tags of a repository (none when it does not exist). */
  List<String> tags(String repository) {
    HttpResponse<byte[]> response = send(request(repository + "/tags/list"), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 404) {
      return List.of();
    }
    check(response, "GET tags of " + repository);
    try {
      List<String> tags = new ArrayList<>();
      JSON.readTree(response.body()).path("tags").forEach(t -> tags.add(t.asText()));
      return tags;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void delete(String repository, String digest) {
    HttpResponse<byte[]> response = send(request(repository + "/manifests/" + digest).DELETE(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 202 && response.statusCode() != 404) {
      throw new IllegalStateException("DELETE " + repository + "@" + digest + ": HTTP " + response.statusCode());
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request.build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void check(HttpResponse<byte[]> response, String what) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(what + ": HTTP " + response.statusCode());
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
