package io.astralytiq.operator.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same sources, same digest: dashboard-runtime built again from a copy of this checkout (its commit plus whatever is
 * changed or new in the working tree), in another directory with an empty target/ and Jib cache, is pushed to another
 * repository and gets the very index digest this build pushed.
 */
class ImageReproducibilityIT {

  private static final String REBUILD_REPOSITORY = "astralytiq-rebuild";
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

  @Test
  void theRuntimeImageBuiltAgainFromTheSameSourcesHasTheSameDigest(@TempDir Path dir) {
    LocalImages images = LocalImages.ofThisBuild();
    OciRegistry registry = images.client();
    String built = registry.manifest(images.path(LocalImages.RUNTIME), images.commitTag()).digest();
    String rebuiltRepository = REBUILD_REPOSITORY + "/" + LocalImages.RUNTIME;
    // An index left by an earlier run must not stand in for this one's.
    registry.find(rebuiltRepository, images.commitTag()).ifPresent(m -> registry.delete(rebuiltRepository, m.digest()));
    assertThat(registry.find(rebuiltRepository, images.commitTag())).isEmpty();

    Path copy = copyOfTheSources(Project.root(), dir.resolve("src"));
    // Not offline (Jib refuses to push in offline mode), though all the build needs is in the local repository by
    // now. The outer Maven's base directory must not leak into the inner one.
    Command.Result build = Command.run(List.of("bash", "-c", "unset MAVEN_BASEDIR MAVEN_PROJECTBASEDIR; cd \"$1\" && "
        + "./mvnw -q -B -pl dashboard-runtime -am -DskipTests package -Dastralytiq.images.repository=\"$2\"",
        "rebuild", copy.toString(), REBUILD_REPOSITORY), null, BUILD_TIMEOUT);
    assertThat(build.exitCode()).as("the rebuild:\n%s\n%s", build.stdout(), build.stderr()).isZero();

    assertThat(registry.manifest(rebuiltRepository, images.commitTag()).digest()).isEqualTo(built);
  }

  /** A clone at the same commit with the working tree's changes applied and its untracked (not ignored) files. */
  private static Path copyOfTheSources(Path root, Path copy) {
    String commit = git(root, "rev-parse", "HEAD").strip();
    run(List.of("git", "clone", "--quiet", "--shared", "--no-checkout", root.toString(), copy.toString()),
        Duration.ofMinutes(2));
    git(copy, "checkout", "--quiet", "--detach", commit);
    String changes = git(root, "diff", "--binary", "HEAD");
    if (!changes.isEmpty()) {
      Command.Result apply = Command.run(List.of("git", "-C", copy.toString(), "apply", "--binary", "-"), changes,
          Duration.ofMinutes(1));
      assertThat(apply.exitCode()).as("git apply: %s", apply.stderr()).isZero();
    }
    for (String file : git(root, "ls-files", "-z", "--others", "--exclude-standard").split("\0")) {
      if (!file.isEmpty()) {
        copyFile(root.resolve(file), copy.resolve(file));
      }
    }
    return copy;
  }

  private static void copyFile(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String git(Path repo, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    return run(command, Duration.ofMinutes(1)).stdout();
  }

  private static Command.Result run(List<String> command, Duration timeout) {
    Command.Result result = Command.run(command, null, timeout);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", command) + ": " + result.stderr());
    }
    return result;
  }
}
