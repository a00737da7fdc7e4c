package io.astralytiq.operator.dashboard.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

  @ParameterizedTest
  @ValueSource(strings = {"nginx", "nginx:1.27", "ghcr.io/astralytiq/dashboard-runtime:0.1.0",
      "registry.acme.io:5000/data/forecast_app:2.3.1-rc1",
      "registry.acme.io/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
  void acceptsPullableReferences(String image) {
    assertThat(ImageReference.isValid(image)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"registry.example.com/team//app:1", "app:", "app::1", "-app", "app/", "app:tag with space",
      "app@sha256:short"})
  void refusesWhatNoKubeletCouldPull(String image) {
    assertThat(ImageReference.isValid(image)).isFalse();
  }
}
