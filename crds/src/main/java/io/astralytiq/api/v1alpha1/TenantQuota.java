package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

public class TenantQuota {

  @JsonPropertyDescription("Most dashboards the tenant may run; dashboards beyond it are not deployed.")
  @Min(0)
  private Integer maxDashboards;

  @JsonPropertyDescription("Total CPU the tenant's pods may request, as a quantity (for example \"8\" or \"500m\").")
  @ValidationRule(value = ApiGroup.IS_QUANTITY, message = "cpu must be a quantity such as 8 or 500m")
  @ValidationRule(value = ApiGroup.IS_NOT_NEGATIVE,
      message = "cpu may not be negative (the API server refuses such a ResourceQuota)")
  private String cpu;

  @JsonPropertyDescription("Total memory the tenant's pods may request, as a quantity (for example 16Gi).")
  @ValidationRule(value = ApiGroup.IS_QUANTITY, message = "memory must be a quantity such as 16Gi")
  @ValidationRule(value = ApiGroup.IS_NOT_NEGATIVE,
      message = "memory may not be negative (the API server refuses such a ResourceQuota)")
  private String memory;

  @JsonPropertyDescription("Most pods the tenant may run.")
  @Min(0)
  private Integer pods;

  public Integer getMaxDashboards() {
    return maxDashboards;
  }

  public void setMaxDashboards(Integer maxDashboards) {
    this.maxDashboards = maxDashboards;
  }

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

  public Integer getPods() {
    return pods;
  }

  public void setPods(Integer pods) {
    this.pods = pods;
  }
}
