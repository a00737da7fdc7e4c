package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A cert-manager Issuer or ClusterIssuer. */
public class IssuerRef {

  @JsonPropertyDescription("Issuer or ClusterIssuer.")
  @Default("ClusterIssuer")
  private IssuerKind kind = IssuerKind.ClusterIssuer;

  @JsonPropertyDescription("Name of the issuer.")
  @Required
  @Size(min = 1, max = 253)
  private String name;

  @JsonPropertyDescription("API group of the issuer.")
  @Default("cert-manager.io")
  private String group = "cert-manager.io";

  /** cert-manager's issuer kinds. */
  public enum IssuerKind {
    Issuer,
    ClusterIssuer
  }

  public IssuerKind getKind() {
    return kind;
  }

  public void setKind(IssuerKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }
}
