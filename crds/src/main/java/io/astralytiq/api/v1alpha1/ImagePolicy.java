package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

// A signature requirement with no key to check it against would refuse every image but the operator's own: almost
// certainly a mistake, so it is refused at apply.
@ValidationRule(value = "!has(self.requireSignature) || !self.requireSignature || has(self.trustedKeys) && size(self.trustedKeys) > 0",
    message = "imagePolicy.requireSignature needs at least one entry in imagePolicy.trustedKeys: the public keys the"
        + " tenant's images are signed with", fieldPath = ".trustedKeys")
@ValidationRule(value = "!has(self.trustedKeys) || self.trustedKeys.all(k, self.trustedKeys.exists_one(o, o.name == k.name))",
    message = "imagePolicy.trustedKeys must not use a name twice", fieldPath = ".trustedKeys")
public class ImagePolicy {

  /** What a failed signature check does. */
  public enum Mode {
    /** The revision does not roll out; the last good one keeps running. */
    Enforce,
    /** The image runs anyway, with ImageVerified=False and a Warning Event saying why. */
    Warn
  }

  @JsonPropertyDescription("Image reference prefixes the tenant may run, such as ghcr.io/astralytiq or"
      + " registry.acme.io. Empty: any registry.")
  @Size(max = 64)
  private List<@Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]+)?(/[a-z0-9._-]+)*$") String> allowedRegistries =
      new ArrayList<>();

  @JsonPropertyDescription("When true, a dashboard's image must carry a cosign signature by one of trustedKeys"
      + " before it runs, and runs by the digest that was verified. The operator's own dashboard-runtime image is"
      + " checked against the operator's key instead.")
  @Default("false")
  private Boolean requireSignature = Boolean.FALSE;

  @JsonPropertyDescription("What a failed signature check does: Enforce (the revision does not roll out, the last"
      + " good one keeps running) or Warn (the image runs, ImageVerified is False and a Warning Event says why).")
  @Default("Enforce")
  private Mode mode = Mode.Enforce;

  @JsonPropertyDescription("The public keys a signature may be made with; any one of them suffices, so a new key"
      + " is added before images are signed with it, and the old one removed after.")
  @Size(max = 8)
  private List<TrustedKeySpec> trustedKeys = new ArrayList<>();

  @JsonPropertyDescription("Image reference prefixes the signature requirement covers, such as"
      + " registry.acme.io/analytics/. Empty: every image of the tenant's dashboards.")
  @Size(max = 64)
  private List<@Size(min = 1, max = 255) @Pattern("^[a-z0-9][-a-z0-9._:/]*$") String> images = new ArrayList<>();

  public Boolean getRequireSignature() {
    return requireSignature;
  }

  public void setRequireSignature(Boolean requireSignature) {
    this.requireSignature = requireSignature;
  }

  public List<String> getAllowedRegistries() {
    return allowedRegistries;
  }

  public void setAllowedRegistries(List<String> allowedRegistries) {
    this.allowedRegistries = allowedRegistries;
  }

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public List<TrustedKeySpec> getTrustedKeys() {
    return trustedKeys;
  }

  public void setTrustedKeys(List<TrustedKeySpec> trustedKeys) {
    this.trustedKeys = trustedKeys;
  }

  public List<String> getImages() {
    return images;
  }

  public void setImages(List<String> images) {
    this.images = images;
  }
}
