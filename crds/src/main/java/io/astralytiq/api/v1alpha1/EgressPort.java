package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A port, or a range of ports, that dashboards may connect to. */
@ValidationRule(value = "!has(self.endPort) || self.endPort >= self.port",
    message = "endPort must be at least port", fieldPath = ".endPort")
public class EgressPort {

  @JsonPropertyDescription("The port, or the first of a range.")
  @Required
  @Min(1)
  @Max(65535)
  private Integer port;

  @JsonPropertyDescription("The last port of a range that starts at port.")
  @Min(1)
  @Max(65535)
  private Integer endPort;

  @JsonPropertyDescription("TCP, UDP or SCTP.")
  @Default("TCP")
  @Pattern("^(TCP|UDP|SCTP)$")
  private String protocol = "TCP";

  public EgressPort() {}

  public EgressPort(int port) {
    this.port = port;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public Integer getEndPort() {
    return endPort;
  }

  public void setEndPort(Integer endPort) {
    this.endPort = endPort;
  }

  public String getProtocol() {
    return protocol;
  }

  public void setProtocol(String protocol) {
    this.protocol = protocol;
  }
}
