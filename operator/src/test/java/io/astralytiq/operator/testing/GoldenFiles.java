package io.astralytiq.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Compares generated objects with YAML files under src/test/resources/golden. Run the tests with
 * -Dastralytiq.updateGolden=true to rewrite the files from the code, then review the diff before committing it.
 */
public final class GoldenFiles {

  private static final Path ROOT = Paths.get("src/test/resources/golden");
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private GoldenFiles() {}

  public static void assertMatches(String name, Object actual) {
    Path file = ROOT.resolve(name + ".yaml");
    String yaml = YAML.asYaml(actual);
    try {
      if (Boolean.getBoolean("astralytiq.updateGolden")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
      }
      assertThat(file).as("golden file (create it with -Dastralytiq.updateGolden=true)").exists();
      assertThat(yaml).as(file.toString()).isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
