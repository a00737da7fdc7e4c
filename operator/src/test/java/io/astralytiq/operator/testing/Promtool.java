package io.astralytiq.operator.testing;

import io.astralytiq.testing.Command;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own rule checker, from Debian's prometheus package (hack/install-prometheus, which Maven runs before
 * the integration tests). Tests that need it are skipped, saying why, when it is missing.
 */
public final class Promtool {

  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private final Path binary;

  private Promtool(Path binary) {
    this.binary = binary;
  }

  /** promtool on the PATH (/usr/bin where the script installs it); the calling test is skipped when there is none. */
  public static Promtool installed() {
    Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
        .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
    if (found.isEmpty()) {
      String reason = "no promtool on the PATH: run hack/install-prometheus (Debian's prometheus package; Maven runs"
          + " it before the integration tests)";
      // A class skipped in @BeforeAll counts as no test at all in failsafe's summary: say it where it is seen.
      System.err.println("SKIPPED " + reason);
      Assumptions.abort(reason);
    }
    return new Promtool(found.get());
  }

  /** Writes the PrometheusRule's groups as a Prometheus rule file, which is what the Prometheus Operator does. */
  public static Path writeRuleFile(Path dir, String name, PrometheusRule rule) {
    return write(dir.resolve(name + ".rules.yaml"), YAML.asYaml(rule.getSpec()));
  }

  public static Path write(Path file, String content) {
    try {
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code promtool check rules}: syntax, PromQL, label and annotation templates. */
  public Command.Result checkRules(Path ruleFile) {
    return Command.run(List.of(binary.toString(), "check", "rules", ruleFile.toString()), null, TIMEOUT);
  }

  /** {@code promtool test rules}: evaluates rules over made-up series and compares the alerts with the expected. */
  public Command.Result testRules(Path testFile) {
    return Command.run(List.of(binary.toString(), "test", "rules", testFile.toString()), null, TIMEOUT);
  }
}
