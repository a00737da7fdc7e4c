package io.astralytiq.operator.install;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The pinned Helm CLI that hack/install-helm builds (Maven runs it before the integration tests), run on the chart in
 * helm/astralytiq-operator as a user would run it. Tests that need it are skipped, saying why, when it is missing.
 */
final class Helm {

  static final Path CHART = Project.path("helm/astralytiq-operator");
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final Path binary;

  private Helm(Path binary) {
    this.binary = binary;
  }

  /** The helm binary of hack/install-helm; the calling test is skipped when it has not been built. */
  static Helm pinned() {
    Command.Result where = Command.run(List.of(Project.path("hack/install-helm").toString(), "path"), null, TIMEOUT);
    Path binary = Path.of(where.stdout().strip());
    if (where.exitCode() != 0 || !Files.isExecutable(binary)) {
      String reason = "no helm binary at " + binary + ": run hack/install-helm (it builds the pinned Helm from the"
          + " Go module proxy; Maven runs it before the integration tests). " + where.stderr().strip();
      // A class skipped in @BeforeAll counts as no test at all in failsafe's summary: say it where it is seen.
      System.err.println("SKIPPED " + reason);
      Assumptions.abort(reason);
    }
    return new Helm(binary);
  }

  /** {@code helm template} of the chart; fails the test when Helm refuses the values. */
  Rendered template(String release, String namespace, Map<String, String> values) {
    Command.Result result = render(release, namespace, values);
    if (result.exitCode() != 0) {
      throw new AssertionError("helm template " + values + " failed:\n" + result.stderr());
    }
    return Rendered.parse(result.stdout());
  }

  /** {@code helm template} with {@code --set} for every value, exactly as given (lists as {a,b}). */
  Command.Result render(String release, String namespace, Map<String, String> values) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "template", release, CHART.toString(),
        "--namespace", namespace));
    values.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
    return Command.run(command, null, TIMEOUT);
  }

  Command.Result run(String... args) {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(List.of(args));
    return Command.run(command, null, TIMEOUT);
  }

  /** What a render produced, as typed Kubernetes objects. */
  record Rendered(List<HasMetadata> objects) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Rendered parse(String yaml) {
      List<HasMetadata> objects = new ArrayList<>();
      for (String document : yaml.split("(?m)^---\\s*$")) {
        boolean empty = document.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
        if (!empty) {
          objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
      }
      return new Rendered(List.copyOf(objects));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
      return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type) {
      List<T> found = all(type);
      if (found.size() > 1) {
        throw new AssertionError("the chart rendered " + found.size() + " " + type.getSimpleName() + "s");
      }
      return found.stream().findFirst();
    }

    <T extends HasMetadata> T one(Class<T> type) {
      return find(type).orElseThrow(() -> new AssertionError("the chart rendered no " + type.getSimpleName()));
    }
  }
}
