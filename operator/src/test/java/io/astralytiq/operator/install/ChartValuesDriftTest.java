package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chart's values.schema.json and the values tables of docs/install.md must be what the comments of values.yaml
 * generate, so that a value is documented and checked as its comment says.
 */
class ChartValuesDriftTest {

  private static final Path GENERATED = Path.of("target/generated-chart");

  @ParameterizedTest(name = "{1}")
  @CsvSource({"values.schema.json, helm/astralytiq-operator/values.schema.json", "install.md, docs/install.md"})
  void theCommittedFileIsTheGeneratedOne(String generated, String committed) throws IOException {
    assertThat(GENERATED.resolve(generated)).as("written by GenerateChartValues during the build").exists();
    assertThat(Files.readString(Project.path(committed)))
        .as("%s differs from what helm/astralytiq-operator/values.yaml generates: run hack/update-chart and commit"
            + " the result", committed)
        .isEqualTo(Files.readString(GENERATED.resolve(generated)));
  }
}
