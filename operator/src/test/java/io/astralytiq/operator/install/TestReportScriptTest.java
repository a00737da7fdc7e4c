package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hack/test-report over reports recorded from a real Surefire and Failsafe run with one rerun
 * (src/test/resources/test-report: a test that always fails, two that fail once and pass on the rerun, a flaky
 * integration test, a skipped one): the flaky tests are listed loudly with their first failure, the failure with its
 * runs, and the totals count a flaky test as passed.
 */
class TestReportScriptTest {

  @TempDir
  Path root;

  @Test
  void listsEveryFlakyTestAndEveryFailureWithTotals() throws IOException {
    recordedReports("demo");

    Command.Result result = testReport();

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    List<String> lines = result.stdout().lines().toList();
    assertThat(lines).first().isEqualTo("Test reports: 7 tests: 2 passed, 3 flaky, 1 failed, 1 skipped");
    assertThat(lines).contains(
        "FLAKY   demo.WatchTest.seesTheEventOnItsSecondTry (demo surefire): failed 1 time(s) before passing: "
            + "org.opentest4j.AssertionFailedError: condition <Ready> & \"status\" ==> expected: <Ready> but was: "
            + "<Pending>",
        "FLAKY   demo.WatchTest.errorsOnce (demo surefire): failed 1 time(s) before passing: "
            + "java.lang.IllegalStateException: connection refused",
        "FLAKY   demo.WatchIT.reconnectsAfterTheApiServerRestarts (demo failsafe): failed 1 time(s) before passing: "
            + "java.io.UncheckedIOException: java.io.IOException: connection reset",
        "FAILED  demo.WatchTest.alwaysFails (demo surefire): 2 run(s), all failed: "
            + "org.opentest4j.AssertionFailedError: the Deployment never became ready");
    assertThat(lines).anyMatch(line -> line.startsWith("!!! 3 FLAKY test(s)"));
    assertThat(lines).filteredOn(line -> line.startsWith("FLAKY") || line.startsWith("FAILED")).hasSize(4);
    assertThat(lines).last().isEqualTo("tests: 5 passed, 1 failed, 1 skipped");
  }

  @Test
  void aGreenRunWithAFlakeExitsZeroButStillListsIt() throws IOException {
    Path reports = Files.createDirectories(root.resolve("demo/target/failsafe-reports"));
    copy("failsafe-reports/TEST-demo.WatchIT.xml", reports);
    copy("failsafe-reports/failsafe-summary.xml", reports);

    Command.Result result = testReport();

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("  demo failsafe                3 tests: 1 passed, 1 flaky, 0 failed, 1 skipped")
        .contains("FLAKY   demo.WatchIT.reconnectsAfterTheApiServerRestarts").doesNotContain("FAILED");
    assertThat(result.stdout().lines().toList()).last().isEqualTo("tests: 2 passed, 0 failed, 1 skipped");
  }

  @Test
  void markdownForTheJobSummary() throws IOException {
    recordedReports("operator");

    Command.Result result = testReport("--markdown");

    assertThat(result.stdout()).contains("| operator | surefire | 4 | 1 | 2 | 1 | 0 |")
        .contains("| operator | failsafe | 3 | 1 | 1 | 0 | 1 |")
        .contains("### Flaky")
        .contains("- `demo.WatchTest.seesTheEventOnItsSecondTry` (operator surefire): org.opentest4j."
            + "AssertionFailedError: condition &lt;Ready&gt; &amp; \"status\"")
        .contains("### Failed\n\n- `demo.WatchTest.alwaysFails` (operator surefire)");
  }

  @Test
  void aTruncatedReportIsSaidAndFails() throws IOException {
    Path reports = Files.createDirectories(root.resolve("demo/target/surefire-reports"));
    Files.writeString(reports.resolve("TEST-demo.CrashedTest.xml"), "<?xml version=\"1.0\"?><testsuite><testcase");

    Command.Result result = testReport();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout()).contains("UNREADABLE report " + reports.resolve("TEST-demo.CrashedTest.xml"));
  }

  @Test
  void noReportsIsSaidAndNotAFailure() {
    Command.Result result = testReport();

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).contains("no Surefire or Failsafe reports under " + root);
  }

  private Command.Result testReport(String... options) {
    List<String> command = new ArrayList<>(List.of(Project.path("hack/test-report").toString()));
    command.addAll(List.of(options));
    command.add(root.toString());
    return Command.run(command, null, Duration.ofMinutes(1));
  }

  private void recordedReports(String module) throws IOException {
    for (String tool : List.of("surefire-reports", "failsafe-reports")) {
      Path reports = Files.createDirectories(root.resolve(module).resolve("target").resolve(tool));
      try (var files = Files.list(recorded().resolve(tool))) {
        for (Path file : files.toList()) {
          Files.copy(file, reports.resolve(file.getFileName()));
        }
      }
    }
  }

  private static void copy(String file, Path into) throws IOException {
    Files.copy(recorded().resolve(file), into.resolve(Path.of(file).getFileName()));
  }

  private static Path recorded() {
    return Project.path("operator/src/test/resources/test-report");
  }
}
