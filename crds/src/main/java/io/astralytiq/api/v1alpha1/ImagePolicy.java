package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

public class ImagePolicy {

  @JsonPropertyDescription("Image reference prefixes the tenant may run, such as ghcr.io/astralytiq or"
      + " registry.acme.io. Empty: any registry.")
  @Size(max = 64)
  private List<@Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]+)?(/[a-z0-9._-]+)*$") String> allowedRegistries =
      new ArrayList<>();

  @JsonPropertyDescription("When true, an image must carry a valid Sigstore signature before it runs.")
  @Default("false")
  private Boolean requireSignature = Boolean.FALSE;

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
}
