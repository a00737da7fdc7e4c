package io.astralytiq.operator.dashboard.model;

import io.astralytiq.operator.common.Hashes;
import java.util.List;

/**
 * A dashboard definition as the runtime will read it, the hash that names its immutable ConfigMap, and the
 * Secrets holding its datasets' credentials, which the runtime gets mounted.
 */
public record DefinitionContent(String yaml, String hash, List<String> credentialSecrets) {

  private static final int HASH_LENGTH = 10;

  public static DefinitionContent of(String yaml, List<String> credentialSecrets) {
    return new DefinitionContent(yaml, Hashes.sha256(yaml, HASH_LENGTH), List.copyOf(credentialSecrets));
  }
}
