package io.astralytiq.runtime.access;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Bearer tokens are checked against the provider's keys (its JWKS, found through discovery on first use and
 * cached by Nimbus, which fetches it again for a key id it does not know): the signature, the issuer, the
 * audience, and exp/nbf within the configured clock skew.
 */
final class ProviderTokens {

  private ProviderTokens() {}

  static JwtDecoder decoder(AccessProperties properties) {
    String issuer = properties.issuer().toString();
    String audience = properties.requiredAudience();
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
      decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
          new JwtTimestampValidator(properties.clockSkew()),
          new JwtIssuerValidator(issuer),
          new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
      return decoder;
    });
  }
}
