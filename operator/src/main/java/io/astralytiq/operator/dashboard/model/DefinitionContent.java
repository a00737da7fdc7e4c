package io.astralytiq.operator.dashboard.model;

import io.astralytiq.operator.common.Hashes;
import java.util.List;

/**
 * A dashboard definition as the runtime will read it, the hash that names its immutable ConfigMap, the Secrets
 * holding its datasets' credentials, which the runtime gets mounted, and the URLs its datasets read from (JDBC and
 * HTTP), which its NetworkPolicy lets it reach when they name an address or a Service.
 */
public record DefinitionContent(String yaml, String hash, List<String> credentialSecrets, List<String> sourceUrls) {

  private static final int HASH_LENGTH = 10;

  public static DefinitionContent of(String yaml, List<String> credentialSecrets) {
    return of(yaml, credentialSecrets, List.of());
  }

  public static DefinitionContent of(String yaml, List<String> credentialSecrets, List<String> sourceUrls) {
    return new DefinitionContent(yaml, Hashes.sha256(yaml, HASH_LENGTH), List.copyOf(credentialSecrets),
        List.copyOf(sourceUrls));
  }
}
