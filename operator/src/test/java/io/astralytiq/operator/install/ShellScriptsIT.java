package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shell script of hack/ and .ci/ passes shellcheck (Debian's, installed by hack/install-shellcheck before the
 * integration tests) at warning level, following what it sources.
 */
class ShellScriptsIT {

  @Test
  void everyScriptPassesShellcheck() {
    List<String> scripts = scripts();
    assertThat(scripts).as("scripts found").hasSizeGreaterThan(10).anyMatch(s -> s.endsWith("hack/cluster"));
    List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=warning", "--external-sources",
        "--format=gcc"));
    command.addAll(scripts);

    Command.Result result = Command.run(command, null, Duration.ofMinutes(2));

    assertThat(result.stdout() + result.stderr()).as("shellcheck findings").isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  /** Files under hack/ and .ci/ whose first line is a sh or bash shebang. */
  private static List<String> scripts() {
    List<String> scripts = new ArrayList<>();
    for (String dir : List.of("hack", ".ci")) {
      try (Stream<Path> files = Files.walk(Project.path(dir))) {
        files.filter(Files::isRegularFile).filter(ShellScriptsIT::hasShellShebang)
            .map(Path::toString).sorted().forEach(scripts::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return scripts;
  }

  private static boolean hasShellShebang(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.findFirst().filter(line -> line.matches("#!.*\\b(ba)?sh\\b.*")).isPresent();
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }
}
