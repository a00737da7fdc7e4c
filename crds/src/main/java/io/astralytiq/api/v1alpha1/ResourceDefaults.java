package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

public class ResourceDefaults {

  @JsonPropertyDescription("Default CPU request and limit per container, as a quantity (for example 250m).")
  @ValidationRule(value = ApiGroup.IS_QUANTITY, message = "cpu must be a quantity such as 250m")
  @ValidationRule(value = ApiGroup.IS_NOT_NEGATIVE,
      message = "cpu may not be negative (the API server refuses such a LimitRange)")
  private String cpu;

  @JsonPropertyDescription("Default memory request and limit per container, as a quantity (for example 512Mi).")
  @ValidationRule(value = ApiGroup.IS_QUANTITY, message = "memory must be a quantity such as 512Mi")
  @ValidationRule(value = ApiGroup.IS_NOT_NEGATIVE,
      message = "memory may not be negative (the API server refuses such a LimitRange)")
  private String memory;

  public String getCpu() {
    return cpu;
  }

  public void setCpu(String cpu) {
    this.cpu = cpu;
  }

  public String getMemory() {
    return memory;
  }

  public void setMemory(String memory) {
    this.memory = memory;
  }
}
