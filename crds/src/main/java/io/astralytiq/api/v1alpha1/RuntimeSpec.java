package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

public class RuntimeSpec {

  @JsonPropertyDescription("Container image, such as ghcr.io/astralytiq/dashboard-runtime:1.0. Default: the"
      + " operator's configured dashboard-runtime image.")
  @Size(min = 1, max = 512)
  @Pattern("^[a-z0-9]([-a-z0-9._/:]*[a-zA-Z0-9_])?(@sha256:[a-f0-9]{64})?$")
  private String image;

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
  private ResourceRequirements resources;

  @JsonPropertyDescription("Extra environment variables for the container.")
  @Size(max = 64)
  private List<EnvVar> env = new ArrayList<>();

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
}
