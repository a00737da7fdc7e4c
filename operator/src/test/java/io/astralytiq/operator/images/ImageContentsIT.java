package io.astralytiq.operator.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No layer of an image holds a package manager, its state or what runs maintainer scripts (a shell): the base image
 * is unpacked from Debian packages, not installed; and its only home belongs to the user the image runs as.
 */
class ImageContentsIT {

  private static final LocalImages IMAGES = LocalImages.ofThisBuild();
  private static final Pattern PACKAGE_MANAGEMENT = Pattern.compile(String.join("|",
      "(var/lib/(dpkg|apt)|var/cache/(apt|debconf)|etc/(apt|dpkg)|usr/(lib|share)/(dpkg|apt|debconf))(/.*)?",
      "(usr/)?s?bin/(dpkg.*|apt.*|debconf.*|update-alternatives|update-ca-certificates|sh|bash|dash)"));

  @ParameterizedTest
  @ValueSource(strings = {LocalImages.OPERATOR, LocalImages.RUNTIME})
  void noLayerHoldsPackageManagement(String image) {
    OciRegistry registry = IMAGES.client();
    String repository = IMAGES.path(image);
    OciRegistry.Manifest amd64 = registry.platform(repository, registry.manifest(repository, IMAGES.commitTag()), "amd64");
    ImageLayers layers = ImageLayers.read(registry, repository, amd64);

    List<String> paths = layers.entries().stream().map(ImageLayers.Entry::path).toList();
    assertThat(paths).as("entries of every layer").hasSizeGreaterThan(1000)
        .contains("usr/lib/jvm/java-17-openjdk-amd64/bin/java", "etc/ssl/certs/java/cacerts", "usr/share/zoneinfo/UTC");
    assertThat(paths).filteredOn(p -> PACKAGE_MANAGEMENT.matcher(p).matches()).isEmpty();
    assertThat(layers.file("home/nonroot").uid()).isEqualTo(65532);
    assertThat(new String(layers.head("etc/passwd", 4096), java.nio.charset.StandardCharsets.UTF_8))
        .contains("nonroot:x:65532:65532:");
  }
}
