package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

public class TenantUsage {

  @JsonPropertyDescription("Dashboards admitted and deployed.")
  private Integer dashboards;

  @JsonPropertyDescription("CPU requested by the tenant's pods.")
  private String cpu;

  @JsonPropertyDescription("Memory requested by the tenant's pods.")
  private String memory;

  @JsonPropertyDescription("Pods running in the tenant's namespaces.")
  private Integer pods;

  public Integer getDashboards() {
    return dashboards;
  }

  public void setDashboards(Integer dashboards) {
    this.dashboards = dashboards;
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
