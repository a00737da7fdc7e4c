package io.astralytiq.operator.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tags hack/images gives an image of a version (docs/supply-chain.md#versions): the version, its X.Y only when
 * it is a release (a snapshot must not move a release line's tag), and sha-commit; a version that is not SemVer is
 * refused.
 */
class ImageTagsIT {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      1.4.2          | 1.4.2 1.4 sha-0123456789ab
      0.1.0-SNAPSHOT | 0.1.0-SNAPSHOT sha-0123456789ab
      2.0.0-rc.1     | 2.0.0-rc.1 sha-0123456789ab
      """)
  void aReleaseAlsoGetsItsMinorLineAndAPrereleaseDoesNot(String version, String tags) {
    Command.Result result = tags(version);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines().toList()).isEqualTo(List.of(tags.split(" ")));
  }

  @ParameterizedTest
  @CsvSource({"1.4", "v1.4.2", "latest"})
  void aVersionThatIsNotSemVerIsRefused(String version) {
    Command.Result result = tags(version);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains(version + " is not a version");
    assertThat(result.stdout()).isEmpty();
  }

  private static Command.Result tags(String version) {
    return Command.run(List.of(Project.path("hack/images").toString(), "tags", version, "0123456789ab"), null,
        Duration.ofMinutes(1));
  }
}
