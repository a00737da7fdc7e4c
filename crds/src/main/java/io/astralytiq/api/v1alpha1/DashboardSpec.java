package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;
import java.util.ArrayList;
import java.util.List;

@ValidationRule(value = "!(has(self.replicas) && has(self.autoscaling))",
    message = "set either replicas or autoscaling, not both", reason = "FieldValueForbidden")
@ValidationRule(value = "!(has(self.definition) && has(self.definitionRef))",
    message = "set either definition or definitionRef, not both", reason = "FieldValueForbidden")
public class DashboardSpec {

  @JsonPropertyDescription("The dashboard itself (datasets, variables, panels), rendered by dashboard-runtime.")
  private DashboardDefinition definition;

  @JsonPropertyDescription("A ConfigMap key holding the definition as YAML, instead of an inline definition.")
  private DefinitionRef definitionRef;

  @JsonPropertyDescription("Files the datasets read, from ConfigMaps, Secrets or PersistentVolumeClaims in the"
      + " Dashboard's namespace, mounted read-only under /data.")
  @Size(max = 16)
  @ValidationRule(value = "self.all(v, self.exists_one(w, w.name == v.name))",
      message = "data volume names must be unique")
  @ValidationRule(value = "self.all(v, self.all(w, v.name == w.name"
      + " || !(w.mountPath + '/').startsWith(v.mountPath + '/')))",
      message = "data volumes must not share a mountPath or be mounted inside one another")
  private List<DataVolume> dataVolumes = new ArrayList<>();

  @JsonPropertyDescription("The container that serves the dashboard. Default: the operator's dashboard-runtime.")
  private RuntimeSpec runtime;

  @JsonPropertyDescription("Fixed number of runtime pods. Default 1. Not allowed together with autoscaling.")
  @Min(0)
  @SpecReplicas
  private Integer replicas;

  @JsonPropertyDescription("Scale the runtime on CPU with a HorizontalPodAutoscaler instead of fixed replicas.")
  private AutoscalingSpec autoscaling;

  @JsonPropertyDescription("Serve the dashboard on a host name through an Ingress.")
  private IngressSpec ingress;

  @JsonPropertyDescription("Prometheus alerts on the dashboard's runtime.")
  @Size(max = 32)
  private List<AlertSpec> alerts = new ArrayList<>();

  @JsonPropertyDescription("How new revisions roll out and when they are rolled back.")
  private RolloutSpec rollout;

  @JsonPropertyDescription("When true, the runtime is scaled to zero; everything else is kept.")
  @Default("false")
  private Boolean suspend = Boolean.FALSE;

  public DashboardDefinition getDefinition() {
    return definition;
  }

  public void setDefinition(DashboardDefinition definition) {
    this.definition = definition;
  }

  public DefinitionRef getDefinitionRef() {
    return definitionRef;
  }

  public void setDefinitionRef(DefinitionRef definitionRef) {
    this.definitionRef = definitionRef;
  }

  public List<DataVolume> getDataVolumes() {
    return dataVolumes;
  }

  public void setDataVolumes(List<DataVolume> dataVolumes) {
    this.dataVolumes = dataVolumes;
  }

  public RuntimeSpec getRuntime() {
    return runtime;
  }

  public void setRuntime(RuntimeSpec runtime) {
    this.runtime = runtime;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public AutoscalingSpec getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(AutoscalingSpec autoscaling) {
    this.autoscaling = autoscaling;
  }

  public IngressSpec getIngress() {
    return ingress;
  }

  public void setIngress(IngressSpec ingress) {
    this.ingress = ingress;
  }

  public List<AlertSpec> getAlerts() {
    return alerts;
  }

  public void setAlerts(List<AlertSpec> alerts) {
    this.alerts = alerts;
  }

  public RolloutSpec getRollout() {
    return rollout;
  }

  public void setRollout(RolloutSpec rollout) {
    this.rollout = rollout;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }
}
