package io.astralytiq.runtime.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one provider this dashboard signs in with, discovered from its issuer on first use rather than at start, so
 * that a provider that is down delays sign-in, not the runtime's readiness. A failed discovery is tried again by
 * the next sign-in.
 */
final class ProviderRegistration implements ClientRegistrationRepository {

  static final String ID = "idp";

  private final AccessProperties properties;
  private volatile ClientRegistration registration;

  ProviderRegistration(AccessProperties properties) {
    this.properties = properties;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration known = registration;
    if (known == null) {
      synchronized (this) {
        if (registration == null) {
          registration = ClientRegistrations.fromIssuerLocation(properties.issuer().toString())
              .registrationId(ID)
              .clientId(properties.clientId())
              .clientSecret(clientSecret())
              .scope("openid", "profile", "email")
              .build();
        }
        known = registration;
      }
    }
    return known;
  }

  private String clientSecret() {
    if (properties.clientSecretFile() == null) {
      throw new IllegalStateException("astralytiq.access.client-secret-file is not set");
    }
    try {
      return Files.readString(properties.clientSecretFile()).strip();
    } catch (IOException e) {
      // The path is no secret; the content never appears in a message.
      throw new UncheckedIOException("cannot read the client secret file " + properties.clientSecretFile(), e);
    }
  }
}
