package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;
import java.util.ArrayList;
import java.util.List;

public class DashboardStatus {

  @JsonPropertyDescription("The generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Pending, Progressing, Ready, Degraded, RolledBack, Suspended or Failed.")
  private DashboardPhase phase;

  @JsonPropertyDescription("Where the dashboard is served.")
  private String url;

  @JsonPropertyDescription("Runtime pods that exist.")
  @StatusReplicas
  private Integer replicas;

  @JsonPropertyDescription("Runtime pods that are ready.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Label selector of the runtime pods (for the scale subresource).")
  @LabelSelector
  private String selector;

  @JsonPropertyDescription("Revision being rolled out or running.")
  private Long currentRevision;

  @JsonPropertyDescription("Newest revision that became healthy.")
  private Long lastGoodRevision;

  @JsonPropertyDescription("When the certificate the ingress serves expires (RFC 3339), when it is known.")
  private String certificateNotAfter;

  @JsonPropertyDescription("Ready summarises; Available, Progressing, Admitted, TLSReady, AlertsReady and"
      + " RolledBack say more.")
  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public DashboardPhase getPhase() {
    return phase;
  }

  public void setPhase(DashboardPhase phase) {
    this.phase = phase;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public String getSelector() {
    return selector;
  }

  public void setSelector(String selector) {
    this.selector = selector;
  }

  public Long getCurrentRevision() {
    return currentRevision;
  }

  public void setCurrentRevision(Long currentRevision) {
    this.currentRevision = currentRevision;
  }

  public Long getLastGoodRevision() {
    return lastGoodRevision;
  }

  public void setLastGoodRevision(Long lastGoodRevision) {
    this.lastGoodRevision = lastGoodRevision;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getCertificateNotAfter() {
    return certificateNotAfter;
  }

  public void setCertificateNotAfter(String certificateNotAfter) {
    this.certificateNotAfter = certificateNotAfter;
  }
}
