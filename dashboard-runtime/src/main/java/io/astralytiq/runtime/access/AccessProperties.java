package io.astralytiq.runtime.access;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the runtime signs people in, from the settings the operator passes (names in
 * {@code io.astralytiq.api.runtime.RuntimeContract}). With no issuer, access control is off and every page and API
 * is open, as before this existed.
 *
 * @param issuer the OpenID Connect issuer URL ({@code ASTRALYTIQ_ACCESS_ISSUER}); empty: access control off
 * @param clientId this dashboard's client at the provider ({@code ASTRALYTIQ_ACCESS_CLIENT_ID})
 * @param clientSecretFile a file holding the client secret, mounted from a Secret
 *     ({@code ASTRALYTIQ_ACCESS_CLIENT_SECRET_FILE}); never the secret itself in the environment
 * @param audience the audience a bearer token must carry; empty: the client id
 * @param members who may see this dashboard and with which role ({@code ASTRALYTIQ_ACCESS_MEMBERS}, see
 *     {@link Members#parse})
 * @param groupsClaim the claim holding the principal's groups
 * @param userClaim the claim matched against {@code user:} members
 * @param clockSkew how far a token's exp, nbf and iat may be off this machine's clock
 * @param idleTimeout a session unused this long ends (the servlet session's timeout)
 * @param absoluteTimeout a session this old ends, however busy
 */
@ConfigurationProperties("astralytiq.access")
public record AccessProperties(
    URI issuer,
    String clientId,
    Path clientSecretFile,
    String audience,
    String members,
    @DefaultValue("groups") String groupsClaim,
    @DefaultValue("email") String userClaim,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue("30m") Duration idleTimeout,
    @DefaultValue("8h") Duration absoluteTimeout) {

  public boolean enabled() {
    return issuer != null && !issuer.toString().isBlank();
  }

  public String requiredAudience() {
    return audience == null || audience.isBlank() ? clientId : audience;
  }

  public Members allowed() {
    return Members.parse(members);
  }
}
