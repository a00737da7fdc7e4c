package io.astralytiq.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed API reference must be what the CRDs generate, so the docs say what the API server enforces. */
class ApiReferenceDriftTest {

  private static final Path GENERATED = Path.of("target/generated-docs/reference.md");
  private static final Path COMMITTED = Path.of(System.getProperty("astralytiq.root"), "docs/api/reference.md");

  @Test
  void committedReferenceMatchesTheGeneratedOne() throws IOException {
    assertThat(GENERATED).as("written by GenerateApiReference during the build").exists();
    assertThat(COMMITTED).exists();
    assertThat(Files.readString(COMMITTED))
        .as("%s differs from what the CRDs generate: run hack/update-crds and commit the result", COMMITTED)
        .isEqualTo(Files.readString(GENERATED));
  }

  @Test
  void everyFieldWithAValidationRuleShowsItsMessage() throws IOException {
    String reference = Files.readString(GENERATED);
    assertThat(reference).contains("- `spec.quota.cpu` (string): Total CPU the tenant's pods may request")
        .contains("\"cpu must be a quantity such as 8 or 500m\"");
  }
}
