package io.astralytiq.operator.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a registry, a scanner or a kubelet reads before running an image: both tags name one OCI index of the two
 * platforms, the index and its amd64 manifest carry the org.opencontainers.image.* annotations of this build (and
 * the manifest its base image), and the image runs as the non-root user 65532.
 */
class ImageManifestIT {

  private static final LocalImages IMAGES = LocalImages.ofThisBuild();

  @ParameterizedTest
  @ValueSource(strings = {LocalImages.OPERATOR, LocalImages.RUNTIME})
  void theAmd64ManifestIsAnnotatedAndRunsAsTheNonRootUser(String image) {
    OciRegistry registry = IMAGES.client();
    String repository = IMAGES.path(image);
    OciRegistry.Manifest index = registry.manifest(repository, IMAGES.commitTag());
    assertThat(registry.manifest(repository, IMAGES.versionTag()).digest()).isEqualTo(index.digest());
    assertThat(index.json().path("mediaType").asText()).isEqualTo("application/vnd.oci.image.index.v1+json");
    assertThat(index.json().path("manifests").findValuesAsText("architecture")).containsExactlyInAnyOrder("amd64", "arm64");
    assertAnnotations(index.json(), image);

    OciRegistry.Manifest amd64 = registry.platform(repository, index, "amd64");
    assertThat(amd64.json().path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertAnnotations(amd64.json(), image);
    JsonNode annotations = amd64.json().path("annotations");
    assertThat(annotations.path("org.opencontainers.image.base.name").asText()).isEqualTo(IMAGES.baseImage());
    String baseRepository = IMAGES.baseImage().substring(IMAGES.registry().length() + 1).replaceFirst(":[^:/]+$", "");
    OciRegistry.Manifest baseIndex = registry.manifest(baseRepository, IMAGES.baseImage().replaceFirst(".*:", ""));
    assertThat(annotations.path("org.opencontainers.image.base.digest").asText())
        .isEqualTo(registry.platform(baseRepository, baseIndex, "amd64").digest());

    JsonNode config = registry.config(repository, amd64).path("config");
    assertThat(config.path("User").asText()).isEqualTo("65532:65532");
    assertThat(config.path("Entrypoint").toString()).contains("-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAMPercentage=75");
  }

  private static void assertAnnotations(JsonNode manifest, String image) {
    JsonNode a = manifest.path("annotations");
    assertThat(Map.of(
        "title", a.path("org.opencontainers.image.title").asText(),
        "version", a.path("org.opencontainers.image.version").asText(),
        "revision", a.path("org.opencontainers.image.revision").asText()))
        .containsExactlyInAnyOrderEntriesOf(Map.of("title", image, "version", IMAGES.versionTag(),
            "revision", IMAGES.commit()));
    assertThat(a.path("org.opencontainers.image.source").asText()).startsWith("https://");
    assertThat(a.path("org.opencontainers.image.description").asText()).isNotBlank().doesNotContain("\n");
    // The commit's time, so that a second build of the same commit gets the same digest.
    assertThat(Instant.parse(a.path("org.opencontainers.image.created").asText())).isBefore(Instant.now());
  }
}
