package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A public key a tenant trusts image signatures of: inline, or in a Secret the platform team keeps. */
@ValidationRule(value = "has(self.publicKey) != has(self.secretRef)",
    message = "a trusted key has either publicKey (PEM) or secretRef, not both and not neither")
public class TrustedKeySpec {

  @JsonPropertyDescription("A name for the key, used in conditions and Events (which key verified an image).")
  @Required
  @Size(min = 1, max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  private String name;

  @JsonPropertyDescription("The PEM public key, as in cosign.pub (ECDSA P-256, RSA or Ed25519).")
  @Size(max = 4096)
  @ValidationRule(value = "self.startsWith('-----BEGIN PUBLIC KEY-----')",
      message = "publicKey must be a PEM public key starting with -----BEGIN PUBLIC KEY----- (cosign.pub)")
  private String publicKey;

  @JsonPropertyDescription("A key of a Secret in the operator's namespace holding the PEM public key (such as the"
      + " Secret cosign generate-key-pair k8s://NAMESPACE/NAME makes). Tenants cannot write there, so the platform"
      + " team decides which keys exist.")
  private SecretRef secretRef;

  /** A key of a Secret in the operator's namespace. */
  public static class SecretRef {

    @JsonPropertyDescription("Name of the Secret in the operator's namespace.")
    @Required
    @Size(min = 1, max = 253)
    @ValidationRule(value = ApiGroup.IS_DNS_SUBDOMAIN,
        message = "secretRef.name must be a lowercase DNS name such as acme-cosign")
    private String name;

    @JsonPropertyDescription("Key in the Secret.")
    @Default("cosign.pub")
    @Size(min = 1, max = 253)
    @Pattern("^[-._a-zA-Z0-9]+$")
    private String key = "cosign.pub";

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getKey() {
      return key;
    }

    public void setKey(String key) {
      this.key = key;
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPublicKey() {
    return publicKey;
  }

  public void setPublicKey(String publicKey) {
    this.publicKey = publicKey;
  }

  public SecretRef getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(SecretRef secretRef) {
    this.secretRef = secretRef;
  }
}
