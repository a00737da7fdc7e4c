package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

public class TenantStatus {

  @JsonPropertyDescription("The generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready summarises; the other conditions say what is wrong.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Namespaces the tenant owns.")
  private List<String> namespaces = new ArrayList<>();

  @JsonPropertyDescription("Number of Dashboards in the tenant's namespaces.")
  private Integer dashboards;

  @JsonPropertyDescription("Use of the tenant's quota.")
  private TenantUsage usage;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public Integer getDashboards() {
    return dashboards;
  }

  public void setDashboards(Integer dashboards) {
    this.dashboards = dashboards;
  }

  public TenantUsage getUsage() {
    return usage;
  }

  public void setUsage(TenantUsage usage) {
    this.usage = usage;
  }
}
