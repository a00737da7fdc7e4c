package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

public class TenantTls {

  @JsonPropertyDescription("cert-manager issuer used for the tenant's dashboards unless a dashboard names its own.")
  private IssuerRef issuerRef;

  public IssuerRef getIssuerRef() {
    return issuerRef;
  }

  public void setIssuerRef(IssuerRef issuerRef) {
    this.issuerRef = issuerRef;
  }
}
