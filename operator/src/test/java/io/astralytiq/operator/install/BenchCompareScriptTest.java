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
 * hack/bench-compare on last lines recorded from hack/bench runs (docs/benchmarks.md): the direction of each key
 * comes from its name, a change worse than the noise is a regression and fails, a count that should stay 0 fails
 * when it rises from 0, settings are never judged but a difference in them is said.
 */
class BenchCompareScriptTest {

  /** hack/bench runtime, 2026-11-26. */
  private static final String RUNTIME = "rows=1000000 cold_ms=300 p50_ms=9.04 p95_ms=26.16 p99_ms=49.96 rps=4825 "
      + "rss_mib=351";
  /** hack/bench runtime, round 2 of d60f2ef on a busy machine, 2026-12-02. */
  private static final String RUNTIME_BUSY = "rows=1000000 cold_ms=972 p50_ms=23.46 p95_ms=91.63 p99_ms=162.16 "
      + "rps=1808 rss_mib=342";
  /** hack/bench tenants, 2026-11-26. */
  private static final String TENANTS = "tenants=100 namespaces=300 ready_s=22.87 noop_writes=0 "
      + "reconciles_during_noop=100";

  @TempDir
  Path dir;

  @Test
  void aSlowerRunIsARegressionKeyByKey() throws IOException {
    Command.Result result = compare(RUNTIME, RUNTIME_BUSY);

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(line(result, "p95_ms")).contains("26.16 -> 91.63").contains("+250.3%")
        .contains("REGRESSION (lower is better, noise 0.1)");
    assertThat(line(result, "rps")).contains("4825 -> 1808").contains("-62.5%")
        .contains("REGRESSION (higher is better, noise 0.1)");
    assertThat(line(result, "rss_mib")).contains("-2.6%").endsWith("within noise");
    assertThat(line(result, "rows")).endsWith("not judged");
    assertThat(result.stdout().lines().toList()).last().isEqualTo("regressions=5 noise=0.1");
  }

  @Test
  void theOtherWayRoundEveryChangeIsBetter() throws IOException {
    Command.Result result = compare(RUNTIME_BUSY, RUNTIME);

    assertThat(result.exitCode()).as(result.stdout()).isZero();
    assertThat(line(result, "p50_ms")).endsWith("better");
    assertThat(line(result, "rps")).endsWith("better");
    assertThat(result.stdout().lines().toList()).last().isEqualTo("regressions=0 noise=0.1");
  }

  @Test
  void aChangeWithinTheNoiseIsNoRegression() throws IOException {
    String slower = TENANTS.replace("ready_s=22.87", "ready_s=24.90");

    assertThat(compare(TENANTS, slower).exitCode()).as("+8.9 %% within the default 10 %%").isZero();
    assertThat(line(compare(TENANTS, slower, "--noise", "0.05"), "ready_s")).contains("+8.9%")
        .endsWith("REGRESSION (lower is better, noise 0.05)");
  }

  @Test
  void aCountThatShouldStayZeroFailsWhenItRisesAtAll() throws IOException {
    Command.Result result = compare(TENANTS, TENANTS.replace("noop_writes=0", "noop_writes=1"), "--noise", "5");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(line(result, "noop_writes")).contains("0 -> 1").endsWith("REGRESSION (should stay 0)");
  }

  @Test
  void ratiosOfABaselineRunFollowTheirKeyAndDifferentSettingsAreSaid() throws IOException {
    Command.Result result = compare("rounds=3 p50_ms_ratio=1.034 rps_ratio=0.962 cpu_us_per_req_ratio=1.042",
        "rounds=6 p50_ms_ratio=0.561 rps_ratio=0.800 cpu_us_per_req_ratio=1.050");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(line(result, "p50_ms_ratio")).endsWith("better");
    assertThat(line(result, "rps_ratio")).endsWith("REGRESSION (higher is better, noise 0.1)");
    assertThat(line(result, "cpu_us_per_req_ratio")).endsWith("within noise");
    assertThat(result.stdout()).contains("note: not judged, but different: rounds");
  }

  @Test
  void onlyTheLastLineCountsAndAFileWithoutOneIsRefused() throws IOException {
    Path previous = write("previous", "p95_ms=1 rps=1\n[21:00:00] runtime: done\n" + RUNTIME + "\n\n");
    Path current = write("current", "round=1 p95_ms=500\n" + RUNTIME + "\n");
    Path empty = write("empty", "[21:00:00] runtime: failed\n");

    assertThat(run(previous.toString(), current.toString()).exitCode()).isZero();
    Command.Result refused = run(previous.toString(), empty.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.stderr()).contains("no key=value line at the end of " + empty);
    assertThat(run(previous.toString()).exitCode()).as("one file").isEqualTo(2);
  }

  private Command.Result compare(String previous, String current, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of(write("previous", previous + "\n").toString(),
        write("current", current + "\n").toString()));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  private Command.Result run(String... args) {
    List<String> command = new ArrayList<>(List.of(Project.path("hack/bench-compare").toString()));
    command.addAll(List.of(args));
    return Command.run(command, null, Duration.ofSeconds(30));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String line(Command.Result result, String key) {
    return result.stdout().lines().filter(l -> l.startsWith(key + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + key + " in:\n" + result.stdout())).strip();
  }
}
