package io.astralytiq.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DashboardRuntimeApplicationTest {

  @Test
  void acceptsTheShortOptionsInBothForms() {
    assertThat(DashboardRuntimeApplication.translateArgs(new String[] {"--definition", "examples/a.yaml",
        "--template=monitoring", "--temp-dir", "/scratch", "--server.port=9090"}))
        .containsExactly("--astralytiq.definition=examples/a.yaml", "--astralytiq.template=monitoring",
            "--astralytiq.temp-dir=/scratch", "--server.port=9090");
  }

  @Test
  void aShortOptionWithoutItsValueIsRefused() {
    assertThatThrownBy(() -> DashboardRuntimeApplication.translateArgs(new String[] {"--definition"}))
        .hasMessage("--definition needs a value");
  }
}
