package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A ConfigMap, Secret or PersistentVolumeClaim in the Dashboard's namespace, by name. */
public class DataVolumeSource {

  @JsonPropertyDescription("Name of the object, in the Dashboard's namespace.")
  @Required
  @Size(min = 1, max = 253)
  @Pattern(ApiGroup.DNS_SUBDOMAIN)
  private String name;

  public DataVolumeSource() {}

  public DataVolumeSource(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
