package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.config.OperatorConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One version for the whole release: every Maven module, the Helm chart's version and appVersion, and the tag of the
 * runtime image the operator runs by default are the root POM's version (hack/release version X.Y.Z sets them all).
 * The images are tagged with it by hack/images publish, which ImageManifestIT checks.
 */
class ReleaseVersionsTest {

  @Test
  void theModulesTheChartAndTheDefaultRuntimeImageCarryTheProjectVersion() {
    String version = ReleaseVersions.project();
    assertThat(version).as("root POM version").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");

    for (String module : List.of("crds", "dashboard-runtime", "operator")) {
      assertThat(ReleaseVersions.pom(module).parentVersion()).as(module + "'s parent version").isEqualTo(version);
      assertThat(ReleaseVersions.pom(module).version()).as(module + " inherits its version").isIn("", version);
    }
    assertThat(ReleaseVersions.chart()).as("Chart.yaml").isEqualTo(new ReleaseVersions.Chart(version, version));
    assertThat(OperatorConfig.DEFAULT_RUNTIME_IMAGE).as("the default runtime image")
        .isEqualTo("ghcr.io/astralytiq/dashboard-runtime:" + version);
  }
}
