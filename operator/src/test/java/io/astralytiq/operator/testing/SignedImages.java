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
 * Images of a test's own in the local registry, copied from what this build pushed, and signed with key pairs of
 * the test's own by the real cosign (v2, as hack/release signs): what a team's CI would push for its tenant.
 */
public final class SignedImages {

  /** Encrypts the test's private keys; cosign asks for one. */
  private static final String PASSWORD = "astralytiq-test";

  /** A cosign key pair: the private key's file and the public key's PEM. */
  public record KeyPair(Path privateKey, String publicKey) {}

  private SignedImages() {}

  /** A new key pair in {@code dir}, named {@code name}.key and .pub. */
  public static KeyPair keyPair(Path dir, String name) {
    run("cd \"$1\" && cosign generate-key-pair --output-key-prefix \"$2\" >/dev/null", dir.toString(), name);
    try {
      return new KeyPair(dir.resolve(name + ".key"), Files.readString(dir.resolve(name + ".pub")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies an image (an index with its platforms) to {@code target} (repository:tag); returns its digest. */
  public static String copy(String source, String target) {
    return run("crane copy \"$1\" \"$2\" >/dev/null && crane digest \"$2\"", source, target).strip();
  }

  /** Copies one platform's manifest of an index to {@code target}: an image of its own digest; returns it. */
  public static String copyPlatform(String source, String platform, String target) {
    return run("""
        digest="$(crane digest --platform "$3" "$1")"
        crane copy "$(repository_of "$1")@$digest" "$2" >/dev/null
        echo "$digest"
        """, source, target, platform).strip();
  }

  /** Points a tag at a digest of the same repository. */
  public static void tag(String repository, String digest, String tag) {
    run("crane tag \"$1@$2\" \"$3\" >/dev/null", repository, digest, tag);
  }

  /** Signs one digest (not its platforms) with a key pair, as {@code cosign sign --key} does without a log. */
  public static void sign(KeyPair key, String repository, String digest) {
    run("cosign sign --key \"$1\" --tlog-upload=false --allow-http-registry --allow-insecure-registry -y \"$2@$3\""
        + " >/dev/null", key.privateKey().toString(), repository, digest);
  }

  /** Runs a script with hack/lib's crane (--insecure for the local registry) and the cache's cosign. */
  private static String run(String script, String... args) {
    List<String> command = new ArrayList<>(List.of("env", "ASTRALYTIQ_ROOT=" + Project.root(),
        "SIGNING_PASSWORD=" + PASSWORD, "bash", "-c", """
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
