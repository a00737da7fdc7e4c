package io.astralytiq.operator.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hack/retention against the local registry, in a repository of its own, with pushes dated back (the mtime of each
 * revision's link, which is what the script reads as the push time): releases stay, the newest two sha- tags stay,
 * untagged manifests older than the limit go unless a kept index lists them, and signatures follow their subject.
 */
class ImageRetentionIT {

  private static final String REGISTRY = LocalImages.ofThisBuild().registry();
  private final String repository = "it-retention-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "/app";
  private final OciRegistry registry = new OciRegistry(REGISTRY);

  @TempDir
  Path work;

  @Test
  void keepsReleasesTheNewestBuildsAndWhatTheyListAndDeletesOldUntaggedManifestsAndTheirSignatures()
      throws IOException {
    Map<String, String> images = new LinkedHashMap<>();
    for (String name : List.of("release", "build-b", "build-c", "arm", "amd", "build-e", "old", "young")) {
      images.put(name, push(name, "tmp-" + name));
    }
    String index = pushIndex("tmp-index", images.get("arm"), images.get("amd"));
    tag("release", images.get("release"), "1.0.0", "1.0", "sha-000000a");
    tag("build-b", images.get("build-b"), "sha-000000b");
    tag("build-c", images.get("build-c"), "sha-000000c");
    tag("index", index, "sha-000000d");
    tag("build-e", images.get("build-e"), "sha-000000e");
    String deadSignature = push("signature of build-b", signatureTag(images.get("build-b")));
    String liveSignature = push("signature of build-e", signatureTag(images.get("build-e")));
    for (String name : List.of("old", "young", "arm", "amd", "index", "release", "build-b", "build-c", "build-e")) {
      registry.delete(repository, "tmp-" + name);
    }
    Map<String, Integer> ageInDays = new LinkedHashMap<>(Map.of("release", 40, "build-b", 30, "build-c", 20,
        "arm", 10, "amd", 10, "build-e", 1, "old", 10, "young", 1));
    ageInDays.forEach((name, days) -> pushedDaysAgo(images.get(name), days));
    pushedDaysAgo(index, 2);
    pushedDaysAgo(deadSignature, 1);
    pushedDaysAgo(liveSignature, 1);

    Command.Result dryRun = retention("--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.stderr()).isZero();
    assertThat(registry.tags(repository)).as("a dry run changes nothing").hasSize(9);

    Command.Result result = retention();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).isEqualTo(dryRun.stdout());
    assertThat(result.stdout().lines()).contains("untag " + REGISTRY + "/" + repository + ":sha-000000a",
        "delete " + REGISTRY + "/" + repository + "@" + images.get("old"));
    assertThat(result.stdout().lines().toList()).last().isEqualTo("untagged=3 deleted=4 kept=7");
    assertThat(registry.tags(repository)).containsExactlyInAnyOrder("1.0.0", "1.0", "sha-000000d", "sha-000000e",
        signatureTag(images.get("build-e")));
    for (String gone : List.of(images.get("build-b"), images.get("build-c"), images.get("old"), deadSignature)) {
      assertThat(registry.find(repository, gone)).as(gone + " deleted").isEmpty();
    }
    for (String kept : List.of(images.get("release"), index, images.get("arm"), images.get("amd"),
        images.get("build-e"), images.get("young"), liveSignature)) {
      assertThat(registry.find(repository, kept)).as(kept + " kept").isPresent();
    }
  }

  private Command.Result retention(String... options) {
    List<String> command = new ArrayList<>(List.of(Project.path("hack/retention").toString(), "--keep-builds", "2",
        "--untagged-days", "7"));
    command.addAll(List.of(options));
    command.add(REGISTRY + "/" + repository);
    return Command.run(command, null, Duration.ofMinutes(2));
  }

  /** A one-layer image whose only file says what it is; returns its digest. */
  private String push(String content, String tag) throws IOException {
    Path dir = Files.createTempDirectory(work, "layer");
    Files.writeString(dir.resolve("what"), content);
    Path layer = work.resolve(Long.toString(System.nanoTime()) + ".tar");
    run(List.of("tar", "-C", dir.toString(), "-cf", layer.toString(), "what"));
    run(List.of(crane(), "append", "--insecure", "--oci-empty-base", "-f", layer.toString(), "-t",
        REGISTRY + "/" + repository + ":" + tag));
    return registry.manifest(repository, tag).digest();
  }

  private String pushIndex(String tag, String... manifests) {
    List<String> command = new ArrayList<>(List.of(crane(), "index", "append", "--insecure", "-t",
        REGISTRY + "/" + repository + ":" + tag));
    for (String manifest : manifests) {
      command.addAll(List.of("-m", REGISTRY + "/" + repository + "@" + manifest));
    }
    run(command);
    return registry.manifest(repository, tag).digest();
  }

  private void tag(String what, String digest, String... tags) {
    for (String tag : tags) {
      run(List.of(crane(), "tag", "--insecure", REGISTRY + "/" + repository + "@" + digest, tag));
    }
    assertThat(registry.manifest(repository, tags[0]).digest()).as(what).isEqualTo(digest);
  }

  private static String signatureTag(String digest) {
    return digest.replace(':', '-') + ".sig";
  }

  /** Dates a manifest's push back, where the registry's storage keeps it. */
  private void pushedDaysAgo(String digest, int days) {
    Path link = storage().resolve("docker/registry/v2/repositories/" + repository + "/_manifests/revisions/sha256/"
        + digest.substring("sha256:".length()) + "/link");
    try {
      Files.setLastModifiedTime(link, FileTime.from(Instant.now().minus(Duration.ofDays(days))));
    } catch (IOException e) {
      throw new IllegalStateException("cannot date back " + link, e);
    }
  }

  private static Path storage() {
    return Path.of(shell("echo \"$ASTRALYTIQ_CACHE/registry/data\""));
  }

  private static String crane() {
    return shell("echo \"$CRANE_BIN_DIR/crane\"");
  }

  /** A value from hack/lib/versions.sh (where the cache and its binaries are). */
  private static String shell(String echo) {
    Command.Result result = run(List.of("bash", "-c", "source " + Project.path("hack/lib/versions.sh") + " && " + echo));
    return result.stdout().trim();
  }

  private static Command.Result run(List<String> command) {
    Command.Result result = Command.run(command, null, Duration.ofMinutes(1));
    assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.stderr()).isZero();
    return result;
  }
}
