package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.astralytiq.api.runtime.RuntimeContract;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

// dashboard-runtime reads its settings from the environment (Spring, the JVM's JAVA_TOOL_OPTIONS): a variable
// could turn off its sandbox, its egress checks or its limits. Its settings come from the operator instead.
@ValidationRule(value = "has(self.image) || !has(self.env) || self.env.all(e, e.name in " + RuntimeSpec.DEFAULT_ENV
    + ")", message = "spec.runtime.env may set only TZ for dashboard-runtime (spec.runtime.image unset): the runtime"
    + " reads its settings, limits and sandbox from its environment, and the operator sets them")
public class RuntimeSpec {

  /** The variables a Dashboard may give dashboard-runtime, as a CEL list. */
  static final String DEFAULT_ENV = "['" + RuntimeContract.USER_ENV + "']";

  // The checks the API server makes of a container's CPU and memory, made here so that a mistake is refused at
  // kubectl apply and not by the Deployment the operator writes. By name, not over the whole map: the schema of
  // ResourceRequirements bounds neither map, and a rule over an unbounded map costs the API server too much.
  static final String ARE_QUANTITIES =
      "(!has(self.requests) || !('cpu' in self.requests)"
      + " || isQuantity(string(self.requests['cpu']))) && "
      + "(!has(self.limits) || !('cpu' in self.limits)"
      + " || isQuantity(string(self.limits['cpu']))) && "
      + "(!has(self.requests) || !('memory' in self.requests)"
      + " || isQuantity(string(self.requests['memory']))) && "
      + "(!has(self.limits) || !('memory' in self.limits)"
      + " || isQuantity(string(self.limits['memory'])))";

  static final String NOT_NEGATIVE =
      "(!has(self.requests) || !('cpu' in self.requests) || !isQuantity(string(self.requests['cpu']))"
      + " || quantity(string(self.requests['cpu'])).compareTo(quantity('0')) >= 0) && "
      + "(!has(self.limits) || !('cpu' in self.limits) || !isQuantity(string(self.limits['cpu']))"
      + " || quantity(string(self.limits['cpu'])).compareTo(quantity('0')) >= 0) && "
      + "(!has(self.requests) || !('memory' in self.requests) || !isQuantity(string(self.requests['memory']))"
      + " || quantity(string(self.requests['memory'])).compareTo(quantity('0')) >= 0) && "
      + "(!has(self.limits) || !('memory' in self.limits) || !isQuantity(string(self.limits['memory']))"
      + " || quantity(string(self.limits['memory'])).compareTo(quantity('0')) >= 0)";

  static final String REQUESTS_WITHIN_LIMITS =
      "(!has(self.requests) || !has(self.limits)"
      + " || !('cpu' in self.requests) || !('cpu' in self.limits)"
      + " || !isQuantity(string(self.requests['cpu'])) || !isQuantity(string(self.limits['cpu']))"
      + " || quantity(string(self.requests['cpu'])).compareTo(quantity(string(self.limits['cpu']))) <= 0) && "
      + "(!has(self.requests) || !has(self.limits)"
      + " || !('memory' in self.requests) || !('memory' in self.limits)"
      + " || !isQuantity(string(self.requests['memory'])) || !isQuantity(string(self.limits['memory']))"
      + " || quantity(string(self.requests['memory'])).compareTo(quantity(string(self.limits['memory']))) <= 0)";

  @JsonPropertyDescription("Container image, such as ghcr.io/astralytiq/dashboard-runtime:1.0. Default: the"
      + " operator's configured dashboard-runtime image.")
  @Size(min = 1, max = 512)
  @Pattern("^[a-z0-9]([-a-z0-9._/:]*[a-zA-Z0-9_])?(@sha256:[a-f0-9]{64})?$")
  private String image;

  @JsonPropertyDescription("Secrets of type kubernetes.io/dockerconfigjson in the Dashboard's namespace that the"
      + " kubelet pulls the image with, as in a pod's imagePullSecrets; the operator reads the image's signature with"
      + " them too.")
  @Size(max = 16)
  @ValidationRule(value = "self.all(s, has(s.name) && s.name != '')",
      message = "every entry of spec.runtime.imagePullSecrets needs the name of a Secret")
  private List<LocalObjectReference> imagePullSecrets = new ArrayList<>();

  @JsonPropertyDescription("Port the container serves HTTP on.")
  @Min(1)
  @Max(65535)
  @Default("8080")
  private Integer port = 8080;

  @JsonPropertyDescription("HTTP path of the readiness probe. Default: dashboard-runtime's readiness endpoint.")
  @Pattern("^/.*$")
  private String readinessPath;

  @JsonPropertyDescription("HTTP path of the liveness probe. Default: dashboard-runtime's liveness endpoint.")
  @Pattern("^/.*$")
  private String livenessPath;

  @JsonPropertyDescription("CPU and memory requests and limits. Default: the tenant's defaults.")
  @ValidationRule(value = RuntimeSpec.ARE_QUANTITIES, message = "resources: every request and limit is a quantity,"
      + " such as 500m or 512Mi", reason = "FieldValueInvalid")
  @ValidationRule(value = RuntimeSpec.NOT_NEGATIVE, message = "resources: a request or limit may not be negative"
      + " (the API server refuses such a pod)", reason = "FieldValueInvalid")
  @ValidationRule(value = RuntimeSpec.REQUESTS_WITHIN_LIMITS, message = "resources: a request may not be above its"
      + " limit (the API server refuses such a pod)", reason = "FieldValueInvalid")
  @ValidationRule(value = "!has(self.claims)", message = "resources.claims: dynamic resource claims are not"
      + " supported for dashboards", reason = "FieldValueForbidden")
  private ResourceRequirements resources;

  @JsonPropertyDescription("Extra environment variables for the container. For dashboard-runtime (image unset) only"
      + " TZ; a value from a Secret needs the Secret labelled astralytiq.io/dashboard-data=true.")
  @Size(max = 64)
  // The API server's other rule for a name (no '=') would cost too much here: the schema of EnvVar bounds no string.
  @ValidationRule(value = "self.all(e, size(e.name) > 0 && size(e.name) <= 256)",
      message = "env: a variable name is 1 to 256 characters", reason = "FieldValueInvalid")
  private List<EnvVar> env = new ArrayList<>();

  // Placement. The rules below are the ones the API server applies to a pod template, checked here so that a
  // mistake is refused at kubectl apply instead of by the Deployment the operator writes.

  @JsonPropertyDescription("Labels a node must have to run the runtime's pods, as in a pod's nodeSelector.")
  @Size(max = 32)
  @ValidationRule(value = "self.all(k, size(k) <= 317 && k.matches(r'" + ApiGroup.LABEL_KEY + "'))",
      message = "nodeSelector keys must be label keys such as kubernetes.io/arch or example.com/pool")
  // The lengths the API server allows the two parts of a label key; the rule above bounds only the whole (and reports
  // a key too long in all).
  @ValidationRule(value = "self.all(k, size(k) > 317 || k.matches(r'^([^/]{1,253}/)?[^/]{1,63}$'))",
      message = "nodeSelector keys: the name (after any '/') is at most 63 characters, the prefix at most 253")
  // A pattern, not CEL, for the values: a CEL rule over a map's values costs more than the schema's budget.
  private Map<String, @Size(max = 63) @Pattern(ApiGroup.LABEL_VALUE) String> nodeSelector = new LinkedHashMap<>();

  @JsonPropertyDescription("Taints the runtime's pods tolerate, as in a pod's tolerations.")
  @Size(max = 32)
  @ValidationRule(value = "self.all(t, !has(t.operator) || t.operator in ['Equal', 'Exists'])",
      message = "a toleration's operator is Equal or Exists")
  @ValidationRule(value = "self.all(t, !has(t.effect) || t.effect in ['', 'NoSchedule', 'PreferNoSchedule',"
      + " 'NoExecute'])", message = "a toleration's effect is NoSchedule, PreferNoSchedule or NoExecute")
  @ValidationRule(value = "self.all(t, !has(t.operator) || t.operator != 'Exists' || !has(t.value)"
      + " || t.value == '')", message = "a toleration with operator Exists has no value")
  @ValidationRule(value = "self.all(t, (has(t.key) && t.key != '') || (has(t.operator) && t.operator == 'Exists'))",
      message = "a toleration without a key needs operator Exists (it then tolerates every taint)")
  @ValidationRule(value = "self.all(t, !has(t.tolerationSeconds) || (has(t.effect) && t.effect == 'NoExecute'))",
      message = "tolerationSeconds is only allowed with effect NoExecute")
  private List<Toleration> tolerations = new ArrayList<>();

  @JsonPropertyDescription("Node affinity, pod affinity and pod anti-affinity of the runtime's pods, as in a"
      + " pod's affinity.")
  private Affinity affinity;

  @JsonPropertyDescription("How the runtime's pods spread over zones or nodes, as in a pod's"
      + " topologySpreadConstraints. A constraint without labelSelector counts this dashboard's pods.")
  @Size(max = 8)
  @ValidationRule(value = "self.all(c, has(c.maxSkew) && c.maxSkew >= 1)",
      message = "a topology spread constraint needs maxSkew of at least 1")
  @ValidationRule(value = "self.all(c, has(c.topologyKey) && c.topologyKey != '')",
      message = "a topology spread constraint needs topologyKey, such as topology.kubernetes.io/zone")
  @ValidationRule(value = "self.all(c, has(c.whenUnsatisfiable) && c.whenUnsatisfiable in ['DoNotSchedule',"
      + " 'ScheduleAnyway'])", message = "a topology spread constraint needs whenUnsatisfiable DoNotSchedule or"
          + " ScheduleAnyway")
  @ValidationRule(value = "self.all(c, !has(c.minDomains) || (c.minDomains >= 1"
      + " && c.whenUnsatisfiable == 'DoNotSchedule'))",
      message = "minDomains must be at least 1 and is only allowed with whenUnsatisfiable DoNotSchedule")
  private List<TopologySpreadConstraint> topologySpreadConstraints = new ArrayList<>();

  @JsonPropertyDescription("PriorityClass of the runtime's pods. Pods are not created while it does not exist.")
  @Size(min = 1, max = 253)
  @ValidationRule(value = ApiGroup.IS_DNS_SUBDOMAIN,
      message = "priorityClassName must be a lowercase DNS name such as dashboards-high")
  private String priorityClassName;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getReadinessPath() {
    return readinessPath;
  }

  public void setReadinessPath(String readinessPath) {
    this.readinessPath = readinessPath;
  }

  public String getLivenessPath() {
    return livenessPath;
  }

  public void setLivenessPath(String livenessPath) {
    this.livenessPath = livenessPath;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  public Affinity getAffinity() {
    return affinity;
  }

  public void setAffinity(Affinity affinity) {
    this.affinity = affinity;
  }

  public List<TopologySpreadConstraint> getTopologySpreadConstraints() {
    return topologySpreadConstraints;
  }

  public void setTopologySpreadConstraints(List<TopologySpreadConstraint> topologySpreadConstraints) {
    this.topologySpreadConstraints = topologySpreadConstraints;
  }

  public String getPriorityClassName() {
    return priorityClassName;
  }

  public void setPriorityClassName(String priorityClassName) {
    this.priorityClassName = priorityClassName;
  }

  public List<LocalObjectReference> getImagePullSecrets() {
    return imagePullSecrets;
  }

  public void setImagePullSecrets(List<LocalObjectReference> imagePullSecrets) {
    this.imagePullSecrets = imagePullSecrets;
  }
}
