package io.astralytiq.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

  @Test
  void withSignInTheFormsMayRedirectToTheProviderAndNowhereElse() {
    String csp = SecurityHeadersFilter.withFormAction(URI.create("https://sso.acme.example:8443/realms/acme"));
    assertThat(csp).contains("form-action 'self' https://sso.acme.example:8443;")
        .doesNotContain("/realms/acme");
    assertThat(csp.replace(" https://sso.acme.example:8443", "")).isEqualTo(SecurityHeadersFilter.CSP);
  }
}
