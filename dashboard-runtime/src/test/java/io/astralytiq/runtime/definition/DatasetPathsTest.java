package io.astralytiq.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.runtime.TestEngines;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * File datasets a hostile author might point past the data directories (the mounted credentials in particular):
 * the definition passes the shared validator, and the runtime refuses it when it loads, naming the dataset.
 */
class DatasetPathsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("outsideTheDataRoots")
  void refusesFilesOutsideTheDataRootsAndTheMountedCredentials(String path, String message) {
    Path root = Path.of("/data");
    var properties = TestEngines.properties(root);
    CompiledDashboard d = CompiledDashboard.from(DefinitionParser.parse("title: T\ndatasets: [{name: evil, format: csv,"
        + " path: '" + path + "'}]\npanels: [{id: a, type: metric, query: SELECT 1}]\n"));
    var withRoots = new io.astralytiq.runtime.RuntimeProperties(null, null, properties.tempDir(),
        Path.of("/data/secrets"), properties.engine(), properties.datasets(), properties.egress(), properties.limits());
    assertThat(DatasetPaths.problems(d, withRoots)).singleElement().asString()
        .contains("dataset 'evil'", message);
  }

  static Stream<Arguments> outsideTheDataRoots() {
    return Stream.of(
        Arguments.of("/etc/passwd", "not under the data directories [/data]"),
        Arguments.of("/proc/self/environ", "not under the data directories"),
        Arguments.of("/data/secrets/db/password", "where the credentials of JDBC datasets are mounted"));
  }
}
