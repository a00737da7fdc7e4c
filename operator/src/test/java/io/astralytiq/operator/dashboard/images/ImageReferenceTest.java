package io.astralytiq.operator.dashboard.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @Test
  void aRegistryWithAPortATagAndAPath() {
    assertThat(ImageReference.parse("198.18.0.1:5000/acme/app:1.2.3"))
        .isEqualTo(new ImageReference("198.18.0.1:5000", "acme/app", "198.18.0.1:5000/acme/app", "1.2.3", null));
  }

  @Test
  void dockerHubsShortNamesAndLatest() {
    assertThat(ImageReference.parse("nginx"))
        .isEqualTo(new ImageReference("docker.io", "library/nginx", "nginx", "latest", null));
    assertThat(ImageReference.parse("acme/app:2").repository()).isEqualTo("acme/app");
    assertThat(ImageReference.parse("localhost/app").registry()).isEqualTo("localhost");
  }

  @Test
  void aDigestNeedsNoTagAndPinsTheNameAsWritten() {
    ImageReference ref = ImageReference.parse("registry.acme.io/app:1@" + DIGEST);

    assertThat(ref.tag()).isNull();
    assertThat(ref.reference()).isEqualTo(DIGEST);
    assertThat(ref.pinned(DIGEST)).isEqualTo("registry.acme.io/app@" + DIGEST);
  }

  @Test
  void whatIsNoReferenceIsRefused() {
    assertThatThrownBy(() -> ImageReference.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> ImageReference.parse("app@sha256:abc")).hasMessageContaining("digest");
    assertThatThrownBy(() -> ImageReference.parse("Registry.acme.io/App")).hasMessageContaining("repository");
    assertThatThrownBy(() -> ImageReference.parse("app:-x")).hasMessageContaining("tag");
    assertThatThrownBy(() -> ImageReference.parse("registry.acme.io/../x")).hasMessageContaining("repository");
  }
}
