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

  /** Every lock a script takes goes through take_lock, which has a deadline, says what it waits for and names the holder. */
  @Test
  void everyLockHasADeadline() {
    List<String> bareFlocks = scripts().stream()
        .filter(script -> !script.endsWith("hack/lib/wait.sh"))
        .flatMap(script -> lines(script).stream().filter(line -> line.strip().startsWith("flock"))
            .map(line -> script + ": " + line.strip()))
        .toList();

    assertThat(bareFlocks).as("flock calls outside take_lock (hack/lib/wait.sh)").isEmpty();
  }

  @Test
  void aSecondCallerWaitsForTheLockAndGivesUpNamingTheHolder() throws IOException {
    Path lock = Files.createTempFile("astralytiq-lock", ".lock");
    String takeLock = "source hack/lib/log.sh; source hack/lib/wait.sh; exec 9>" + lock + "; ";
    String holder = "exec 9>" + lock + "; flock 9; echo held; sleep %s";

    Process holding = new ProcessBuilder("bash", "-c", holder.formatted(4)).directory(Project.path(".").toFile())
        .redirectErrorStream(true).start();
    try {
      assertThat(holding.inputReader().readLine()).isEqualTo("held");
      Command.Result refused = Command.run(List.of("bash", "-c", "cd " + Project.path(".") + "; " + takeLock
          + "take_lock 9 1 'the test lock'; echo took"), null, Duration.ofSeconds(30));
      Command.Result waited = Command.run(List.of("bash", "-c", "cd " + Project.path(".") + "; " + takeLock
          + "take_lock 9 20 'the test lock'; echo took"), null, Duration.ofSeconds(30));

      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.stdout()).doesNotContain("took");
      assertThat(refused.stderr()).contains("waiting up to 1s for the test lock")
          .contains("timed out after 1s waiting for the test lock")
          .contains(lock + ", open in: ").contains(String.valueOf(holding.pid()));
      assertThat(waited.exitCode()).as(waited.stderr()).isZero();
      assertThat(waited.stdout()).contains("took");
    } finally {
      holding.destroyForcibly();
      Files.deleteIfExists(lock);
    }
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
