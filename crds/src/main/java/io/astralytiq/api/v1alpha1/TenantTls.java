package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** TLS defaults of a tenant's dashboards. */
@ValidationRule(value = "!has(self.mode) || self.mode != 'Secret'", fieldPath = ".mode",
    message = "a tenant cannot default tls.mode to Secret: each dashboard names its own Secret")
public class TenantTls {

  @JsonPropertyDescription("TLS mode of the tenant's dashboards unless a dashboard sets its own"
      + " (CertManager, Operator or None; Secret needs a Secret per dashboard). Default: CertManager.")
  private IngressTls.TlsMode mode;

  @JsonPropertyDescription("cert-manager issuer used for the tenant's dashboards unless a dashboard names its own.")
  private IssuerRef issuerRef;

  public IngressTls.TlsMode getMode() {
    return mode;
  }

  public void setMode(IngressTls.TlsMode mode) {
    this.mode = mode;
  }

  public IssuerRef getIssuerRef() {
    return issuerRef;
  }

  public void setIssuerRef(IssuerRef issuerRef) {
    this.issuerRef = issuerRef;
  }
}
