package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A key of a ConfigMap in the Dashboard's namespace. */
public class DefinitionRef {

  @JsonPropertyDescription("Name of the ConfigMap.")
  @Required
  @Size(min = 1, max = 253)
  @ValidationRule(value = ApiGroup.IS_DNS_SUBDOMAIN,
      message = "definitionRef.name must be a lowercase DNS name such as sales-definition")
  private String name;

  @JsonPropertyDescription("Key in the ConfigMap whose value is the definition YAML.")
  @Default("dashboard.yaml")
  @Size(min = 1, max = 253)
  @Pattern("^[-._a-zA-Z0-9]+$")
  private String key = "dashboard.yaml";

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
