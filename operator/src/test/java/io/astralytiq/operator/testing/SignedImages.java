package io.astralytiq.operator.testing;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Images of a test's own in a registry, copied from what this build pushed or made from a file, and signed with key
 * pairs of the test's own by the real cosign (v2, as hack/release signs): what a team's CI would push for its
 * tenant. {@link #LOCAL} reads and writes the local registry anonymously; {@link #withDockerConfig} a registry that
 * asks for credentials.
 */
public final class SignedImages {

  /** The local registry, anonymously. */
  public static final SignedImages LOCAL = new SignedImages(null);
  /** Encrypts the test's private keys; cosign asks for one. */
  private static final String PASSWORD = "astralytiq-test";

  /** A cosign key pair: the private key's file and the public key's PEM. */
  public record KeyPair(Path privateKey, String publicKey) {}

  private final Path dockerConfig;

  private SignedImages(Path dockerConfig) {
    this.dockerConfig = dockerConfig;
  }

  /** crane and cosign with the credentials of a Docker config directory (its config.json). */
  public static SignedImages withDockerConfig(Path dir) {
    return new SignedImages(dir);
  }

  /** A new key pair in {@code dir}, named {@code name}.key and .pub. */
  public KeyPair keyPair(Path dir, String name) {
    run("cd \"$1\" && cosign generate-key-pair --output-key-prefix \"$2\" >/dev/null", dir.toString(), name);
    try {
      return new KeyPair(dir.resolve(name + ".key"), Files.readString(dir.resolve(name + ".pub")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies an image (an index with its platforms) to {@code target} (repository:tag); returns its digest. */
  public String copy(String source, String target) {
    return run("crane copy \"$1\" \"$2\" >/dev/null && crane digest \"$2\"", source, target).strip();
  }

  /** Copies one platform's manifest of an index to {@code target}: an image of its own digest; returns it. */
  public String copyPlatform(String source, String platform, String target) {
    return run("""
        digest="$(crane digest --platform "$3" "$1")"
        crane copy "$(repository_of "$1")@$digest" "$2" >/dev/null
        echo "$digest"
        """, source, target, platform).strip();
  }

  /** A one-layer image of one small file saying {@code content}, pushed to {@code target}; returns its digest. */
  public String push(String content, String target) {
    return run("""
        dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
        printf '%s\\n' "$1" > "$dir/what"
        tar -C "$dir" -cf "$dir/layer.tar" what
        crane append --oci-empty-base -f "$dir/layer.tar" -t "$2" >/dev/null
        crane digest "$2"
        """, content, target).strip();
  }

  /** Points a tag at a digest of the same repository. */
  public void tag(String repository, String digest, String tag) {
    run("crane tag \"$1@$2\" \"$3\" >/dev/null", repository, digest, tag);
  }

  /** Signs one digest (not its platforms) with a key pair, as {@code cosign sign --key} does without a log. */
  public void sign(KeyPair key, String repository, String digest) {
    run("cosign sign --key \"$1\" --tlog-upload=false --allow-http-registry --allow-insecure-registry -y \"$2@$3\""
        + " >/dev/null", key.privateKey().toString(), repository, digest);
  }

  /** Runs a script with hack/lib's crane (--insecure: plain HTTP) and the cache's cosign. */
  private String run(String script, String... args) {
    List<String> command = new ArrayList<>(List.of("env", "ASTRALYTIQ_ROOT=" + Project.root(),
        "SIGNING_PASSWORD=" + PASSWORD));
    if (dockerConfig != null) {
      command.add("DOCKER_CONFIG=" + dockerConfig);
    }
    command.addAll(List.of("bash", "-c", """
        set -euo pipefail
        source "$ASTRALYTIQ_ROOT/hack/lib/versions.sh"; source "$ASTRALYTIQ_ROOT/hack/lib/log.sh"
        source "$ASTRALYTIQ_ROOT/hack/lib/hostnet.sh"; source "$ASTRALYTIQ_ROOT/hack/lib/registry.sh"
        cosign() {
          [[ -x "$COSIGN_BIN_DIR/cosign" ]] || "$ASTRALYTIQ_ROOT/hack/build-binaries" cosign >&2
          "$COSIGN_BIN_DIR/cosign" "$@"
        }
        repository_of() { local r="${1%@*}"; [[ "${r##*/}" == *:* ]] && r="${r%:*}"; echo "$r"; }
        export COSIGN_PASSWORD="$SIGNING_PASSWORD" TUF_ROOT="$ASTRALYTIQ_CACHE/release/tuf" TUF_MIRROR="http://127.0.0.1:1"
        """ + script, "signed-images"));
    command.addAll(List.of(args));
    Command.Result result = Command.run(command, null, Duration.ofMinutes(5));
    if (result.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", args) + ": " + result.stderr());
    }
    return result.stdout();
  }
}
