package io.astralytiq.operator.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hack/release --local on the images this build pushed, into a repository of its own: every image index and platform
 * manifest is signed and carries its CycloneDX SBOM as a signed attestation, the chart is an OCI artifact in the
 * registry, and the rehearsal's own cosign verify / verify-attestation output names each of those digests. A key
 * the images were not signed with is refused. The key pair is the test's own (made by the rehearsal).
 */
class ReleaseRehearsalIT {

  private static final LocalImages IMAGES = LocalImages.ofThisBuild();
  private static final String REPOSITORY = "it-release-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path out;
  private static Command.Result rehearsal;
  private static Map<String, String> summary;

  @BeforeAll
  static void rehearse() {
    rehearsal = Command.run(List.of("env", "COSIGN_PASSWORD=astralytiq-rehearsal",
        "ASTRALYTIQ_RELEASE_REPOSITORY=" + REPOSITORY, "ASTRALYTIQ_RELEASE_OUT=" + out.resolve("release"),
        "ASTRALYTIQ_RELEASE_KEY_DIR=" + out.resolve("keys"),
        Project.path("hack/release").toString(), "--local", "--no-build"), null, Duration.ofMinutes(10));
    List<String> lines = rehearsal.stdout().lines().toList();
    summary = lines.isEmpty() ? Map.of() : Arrays.stream(lines.get(lines.size() - 1).split(" "))
        .map(kv -> kv.split("=", 2)).filter(kv -> kv.length == 2).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
  }

  @Test
  void everyIndexAndPlatformIsVerifiedWithItsSbomAndTheChartIsPushedAndSigned() throws IOException {
    assertThat(rehearsal.exitCode()).as(rehearsal.stderr()).isZero();
    OciRegistry registry = IMAGES.client();
    for (String image : List.of(LocalImages.OPERATOR, LocalImages.RUNTIME)) {
      String built = Files.readString(Project.path(module(image) + "/target/image.ref")).trim();
      String repository = REPOSITORY + "/" + image;
      OciRegistry.Manifest index = registry.manifest(repository, IMAGES.versionTag());
      assertThat(index.digest()).as("the release is the build, by digest").isEqualTo(built.replaceFirst(".*@", ""));
      assertThat(registry.manifest(repository, IMAGES.commitTag()).digest()).isEqualTo(index.digest());
      assertThat(summary).containsEntry(image.replace('-', '_'), IMAGES.registry() + "/" + repository + "@"
          + index.digest());

      List<String> digests = new ArrayList<>(List.of(index.digest()));
      index.json().path("manifests").forEach(m -> digests.add(m.path("digest").asText()));
      assertThat(digests).hasSize(3);
      for (String digest : digests) {
        assertThat(rehearsal.stdout()).as("cosign verify of " + repository + "@" + digest)
            .contains("\"docker-manifest-digest\":\"" + digest + "\"");
        assertThat(rehearsal.stdout()).as("cosign verify-attestation of " + repository + "@" + digest)
            .contains("{\"predicateType\":\"https://cyclonedx.org/bom\",\"subject\":[{\"name\":\"" + IMAGES.registry()
                + "/" + repository + "\",\"digest\":{\"sha256\":\"" + digest.substring("sha256:".length()) + "\"}}]}");
      }

      JsonNode sbom = JSON.readTree(out.resolve("release/" + image + ".cdx.json").toFile());
      assertThat(sbom.path("metadata").path("component").path("purl").asText())
          .startsWith("pkg:oci/" + image + "@sha256%3A" + index.digest().substring("sha256:".length()));
      assertThat(sbom.path("components").findValuesAsText("purl"))
          .anyMatch(p -> p.startsWith("pkg:maven/io.astralytiq/astralytiq-crds@" + IMAGES.versionTag()))
          .anyMatch(p -> p.startsWith("pkg:deb/debian/openjdk-17-jre-headless@") && p.contains("arch=arm64"))
          .anyMatch(p -> p.startsWith("pkg:deb/debian/openjdk-17-jre-headless@") && p.contains("arch=amd64"));
    }

    OciRegistry.Manifest chart = registry.manifest(REPOSITORY + "/charts/astralytiq-operator", IMAGES.versionTag());
    assertThat(chart.json().path("config").path("mediaType").asText())
        .isEqualTo("application/vnd.cncf.helm.config.v1+json");
    assertThat(summary).containsEntry("chart", IMAGES.registry() + "/" + REPOSITORY + "/charts/astralytiq-operator@"
        + chart.digest());
    assertThat(rehearsal.stdout()).as("cosign verify of the chart")
        .contains("\"docker-manifest-digest\":\"" + chart.digest() + "\"");
    assertThat(out.resolve("release/crds/dashboards.astralytiq.io-v1.yml")).exists();
    assertThat(Files.readString(out.resolve("release/notes.md"))).contains(summary.get("astralytiq_operator"));
  }

  @Test
  void aKeyTheImagesWereNotSignedWithIsRefused() throws Exception {
    assertThat(rehearsal.exitCode()).as(rehearsal.stderr()).isZero();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    Path otherKey = out.resolve("other.pub");
    Files.writeString(otherKey, "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    String operator = summary.get("astralytiq_operator");

    Command.Result result = Command.run(List.of(Project.path("hack/release").toString(), "verify", otherKey.toString(),
        operator), null, Duration.ofMinutes(2));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("cosign verify failed for " + operator);
    assertThat(result.stdout()).doesNotContain("docker-manifest-digest");
  }

  private static String module(String image) {
    return image.equals(LocalImages.OPERATOR) ? "operator" : "dashboard-runtime";
  }
}
