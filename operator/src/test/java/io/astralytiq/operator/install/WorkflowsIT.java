package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The GitHub workflows and actions in .github/: actionlint (hack/build-binaries actionlint, with Debian's shellcheck
 * for the run: scripts) reports nothing; every action from another repository is pinned by a full commit SHA; every
 * workflow grants nothing by default and every job says what it needs.
 */
class WorkflowsIT {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void actionlintReportsNothing() {
    Command.Result result = Command.run(List.of("bash", "-c", "source " + Project.path("hack/lib/versions.sh")
        + " && cd " + Project.root() + " && \"$ACTIONLINT_BIN_DIR/actionlint\" -shellcheck shellcheck -no-color"),
        null, Duration.ofMinutes(2));

    assertThat(result.stdout() + result.stderr()).as("actionlint findings").isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void everyThirdPartyActionIsPinnedByCommit() {
    List<String> uses = new ArrayList<>();
    for (Path file : yamlFiles()) {
      read(file).findValues("uses").forEach(u -> uses.add(file.getFileName() + ": " + u.asText()));
    }
    assertThat(uses).as("uses: lines found").hasSizeGreaterThan(10)
        .allSatisfy(u -> assertThat(u.replaceFirst("^[^:]+: ", "")).matches("\\./.*|[\\w.-]+/[\\w./-]+@[0-9a-f]{40}"));
  }

  @Test
  void workflowsGrantNothingByDefaultAndEveryJobNamesItsPermissions() {
    Path workflows = Project.path(".github/workflows");
    List<Path> files = yamlFiles().stream().filter(f -> f.startsWith(workflows)).toList();
    assertThat(files).extracting(f -> f.getFileName().toString()).contains("ci.yml", "images.yml", "release.yml",
        "retention.yml", "codeql.yml", "dependency-review.yml");
    for (Path file : files) {
      JsonNode workflow = read(file);
      assertThat(workflow.path("permissions").isObject() && workflow.path("permissions").isEmpty())
          .as(file.getFileName() + ": permissions: {} at the top").isTrue();
      for (Map.Entry<String, JsonNode> job : workflow.path("jobs").properties()) {
        assertThat(job.getValue().path("permissions").isObject())
            .as(file.getFileName() + ": job " + job.getKey() + " has permissions").isTrue();
        assertThat(job.getValue().path("permissions").toString()).as(file.getFileName() + ": " + job.getKey())
            .doesNotContain("write-all").doesNotContain("\"administration\"");
      }
    }
  }

  private static List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(Project.path(".github"))) {
      return files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
