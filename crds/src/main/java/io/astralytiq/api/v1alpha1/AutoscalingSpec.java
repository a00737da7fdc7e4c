package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas",
    message = "minReplicas must be less than or equal to maxReplicas", fieldPath = ".minReplicas")
public class AutoscalingSpec {

  @JsonPropertyDescription("Fewest runtime pods.")
  @Min(1)
  @Default("1")
  private Integer minReplicas = 1;

  @JsonPropertyDescription("Most runtime pods.")
  @Required
  @Min(1)
  @Max(1000)
  private Integer maxReplicas;

  @JsonPropertyDescription("Average CPU use, as a percentage of the request, that the autoscaler aims for.")
  @Min(1)
  @Max(100)
  @Default("80")
  private Integer targetCPUUtilizationPercentage = 80;

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }

  public Integer getTargetCPUUtilizationPercentage() {
    return targetCPUUtilizationPercentage;
  }

  public void setTargetCPUUtilizationPercentage(Integer targetCPUUtilizationPercentage) {
    this.targetCPUUtilizationPercentage = targetCPUUtilizationPercentage;
  }
}
