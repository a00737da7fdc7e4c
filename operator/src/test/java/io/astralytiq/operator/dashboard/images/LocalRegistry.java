package io.astralytiq.operator.dashboard.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.testing.SignedImages;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local registry (hack/registry, started if it is not running) and the real cosign (hack/build-binaries cosign)
 * for the verification ITs: pushes small images of a test's own repository with the distribution API, and signs
 * them with key pairs cosign makes, without a transparency log and without asking anything beyond this machine.
 */
final class LocalRegistry {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String address;
  private final List<String> pushed = new ArrayList<>();

  private LocalRegistry(String address) {
    this.address = address;
  }

  static LocalRegistry up() {
    Command.Result up = Command.run(List.of(Project.path("hack/registry").toString(), "up"), null,
        Duration.ofMinutes(10));
    assertThat(up.exitCode()).as("hack/registry up: " + up.stderr()).isZero();
    Command.Result where = Command.run(List.of("bash", "-c", "cd \"$1\" && source hack/lib/versions.sh"
        + " && source hack/lib/hostnet.sh && echo \"$REGISTRY\"", "where",
        Project.root().toString()), null, Duration.ofSeconds(30));
    assertThat(where.exitCode()).as(where.stderr()).isZero();
    List<String> lines = where.stdout().lines().toList();
    return new LocalRegistry(lines.get(lines.size() - 1));
  }

  String address() {
    return address;
  }

  /** The settings that reach it: plain HTTP. */
  RegistrySettings settings() {
    return new RegistrySettings(Map.of(address, "http://" + address), Duration.ofSeconds(10));
  }

  /** Pushes a one-layer image of its own content under repository:tag; returns its digest. */
  String push(String repository, String tag) throws IOException, InterruptedException {
    byte[] layer = ("a layer of " + repository + ":" + tag + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + Digests.sha256(layer) + "\"]}}").getBytes(StandardCharsets.UTF_8);
    upload(repository, layer);
    upload(repository, config);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"size\":" + config.length
        + ",\"digest\":\"" + Digests.sha256(config) + "\"},\"layers\":[{\"mediaType\":"
        + "\"application/vnd.oci.image.layer.v1.tar\",\"size\":" + layer.length + ",\"digest\":\""
        + Digests.sha256(layer) + "\"}]}").getBytes(StandardCharsets.UTF_8);
    tag(repository, tag, manifest);
    return Digests.sha256(manifest);
  }

  /** Points repository:tag at the manifest of another digest of the same repository. */
  void retag(String repository, String tag, String digest) throws IOException, InterruptedException {
    HttpResponse<byte[]> manifest = HTTP.send(HttpRequest.newBuilder(v2(repository + "/manifests/" + digest))
        .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(manifest.statusCode()).isEqualTo(200);
    tag(repository, tag, manifest.body());
  }

  /** A new key pair made by cosign in dir: prefix.key (encrypted) and prefix.pub. */
  TrustedKey keyPair(Path dir, String prefix) {
    return TrustedKey.parse(prefix, SignedImages.LOCAL.keyPair(dir, prefix).publicKey());
  }

  /** cosign sign of repository@digest with dir/prefix.key, as hack/release --local signs. */
  void sign(Path dir, String prefix, String repository, String digest) {
    SignedImages.LOCAL.sign(new SignedImages.KeyPair(dir.resolve(prefix + ".key"), null), address + "/" + repository,
        digest);
    pushed.add(repository + "@" + Digests.signatureTag(digest));
  }

  /** Removes what the test tagged and signed (best effort: the registry keeps no garbage it cannot collect). */
  void clean() {
    for (String ref : pushed) {
      int at = ref.lastIndexOf('@');
      try {
        HTTP.send(HttpRequest.newBuilder(v2(ref.substring(0, at) + "/manifests/" + ref.substring(at + 1))).DELETE()
            .build(), HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        // left behind in a repository of the test's own
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void upload(String repository, byte[] blob) throws IOException, InterruptedException {
    HttpResponse<Void> started = HTTP.send(HttpRequest.newBuilder(v2(repository + "/blobs/uploads/"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(started.statusCode()).as("POST blob upload").isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    URI put = URI.create("http://" + address).resolve(location + (location.contains("?") ? "&" : "?") + "digest="
        + Digests.sha256(blob));
    HttpResponse<Void> done = HTTP.send(HttpRequest.newBuilder(put).header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(done.statusCode()).as("PUT blob").isEqualTo(201);
  }

  private void tag(String repository, String tag, byte[] manifest) throws IOException, InterruptedException {
    HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(v2(repository + "/manifests/" + tag))
        .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(put.statusCode()).as("PUT manifest " + repository + ":" + tag).isEqualTo(201);
    pushed.add(repository + "@" + Digests.sha256(manifest));
  }

  private URI v2(String path) {
    return URI.create("http://" + address + "/v2/" + path);
  }
}
