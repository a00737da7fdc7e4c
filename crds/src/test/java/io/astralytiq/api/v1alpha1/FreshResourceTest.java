package io.astralytiq.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * JOSDK adds finalizers, and the operator patches status, by server-side applying a freshly constructed object:
 * one that came with a default spec would apply that spec over the user's.
 */
class FreshResourceTest {

  @Test
  void aNewTenantCarriesNoSpecAndNoStatus() {
    assertThat(new Tenant().getSpec()).isNull();
    assertThat(new Tenant().getStatus()).isNull();
  }

  @Test
  void aNewDashboardCarriesNoSpecAndNoStatus() {
    assertThat(new Dashboard().getSpec()).isNull();
    assertThat(new Dashboard().getStatus()).isNull();
  }
}
