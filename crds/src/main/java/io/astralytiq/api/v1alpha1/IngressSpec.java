package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

public class IngressSpec {

  @JsonPropertyDescription("Host name the dashboard is served on, such as sales.acme.example.com.")
  @Required
  @Size(min = 1, max = 253)
  @ValidationRule(value = ApiGroup.IS_HOST_NAME,
      message = "host must be a lowercase DNS name such as sales.example.com")
  // The Ingress API refuses an address as a rule's host (it parses octets with leading zeros too).
  @ValidationRule(value = "!self.matches(r'^(0*(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
      + "0*(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$')",
      message = "host must be a DNS name, not an IP address")
  private String host;

  @JsonPropertyDescription("IngressClass to use. Default: the cluster's default class.")
  @Pattern(ApiGroup.DNS_LABEL)
  @Size(max = 253)
  private String className;

  @JsonPropertyDescription("URL path prefix of the dashboard.")
  @Default("/")
  @Pattern("^/.*$")
  @Size(max = 1024)
  @ValidationRule(value = "!self.contains('//') && !(self + '/').contains('/./')"
      + " && !(self + '/').contains('/../') && !self.lowerAscii().contains('%2f')",
      message = "path: no empty, '.' or '..' segment and no encoded '/': the API server refuses such an Ingress path",
      reason = "FieldValueInvalid")
  private String path = "/";

  @JsonPropertyDescription("Where the TLS certificate comes from. Default: the tenant's issuer through cert-manager.")
  private IngressTls tls;

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public String getClassName() {
    return className;
  }

  public void setClassName(String className) {
    this.className = className;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public IngressTls getTls() {
    return tls;
  }

  public void setTls(IngressTls tls) {
    this.tls = tls;
  }
}
