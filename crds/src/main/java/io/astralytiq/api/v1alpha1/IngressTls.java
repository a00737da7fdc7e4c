package io.astralytiq.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "!has(self.mode) || self.mode != 'Secret' || has(self.secretName)",
    message = "tls.mode Secret needs tls.secretName", fieldPath = ".secretName", reason = "FieldValueRequired")
public class IngressTls {

  @JsonPropertyDescription("CertManager: a cert-manager Certificate; Operator: a certificate from the operator's"
      + " own CA; Secret: a kubernetes.io/tls Secret you provide; None: plain HTTP. Default: the tenant's tls.mode,"
      + " else CertManager.")
  private TlsMode mode;

  @JsonPropertyDescription("cert-manager issuer for mode CertManager. Default: the tenant's issuer.")
  private IssuerRef issuerRef;

  @JsonPropertyDescription("Secret holding the certificate: required for mode Secret, chosen by the operator"
      + " otherwise.")
  @Size(max = 253)
  @ValidationRule(value = ApiGroup.IS_DNS_SUBDOMAIN,
      message = "tls.secretName must be a lowercase DNS name such as sales-tls")
  private String secretName;

  /** Where a dashboard's TLS certificate comes from. */
  public enum TlsMode {
    CertManager,
    Operator,
    Secret,
    None
  }

  public TlsMode getMode() {
    return mode;
  }

  public void setMode(TlsMode mode) {
    this.mode = mode;
  }

  public IssuerRef getIssuerRef() {
    return issuerRef;
  }

  public void setIssuerRef(IssuerRef issuerRef) {
    this.issuerRef = issuerRef;
  }

  public String getSecretName() {
    return secretName;
  }

  public void setSecretName(String secretName) {
    this.secretName = secretName;
  }
}
