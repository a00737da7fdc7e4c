package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.IssuerRef;
import io.astralytiq.operator.foreign.Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cert-manager Certificate of a dashboard's host, stored in the Secret its Ingress serves. */
final class DesiredCertificate {

  private DesiredCertificate() {}

  static Certificate of(DashboardModel model, IssuerRef issuer) {
    Map<String, Object> issuerRef = new LinkedHashMap<>();
    issuerRef.put("name", issuer.getName());
    issuerRef.put("kind", issuer.getKind().name());
    issuerRef.put("group", issuer.getGroup());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("secretName", DashboardNames.tlsSecret(model.dashboard()));
    spec.put("dnsNames", List.of(model.spec().getIngress().getHost()));
    spec.put("issuerRef", issuerRef);
    Certificate certificate = new Certificate();
    certificate.setMetadata(model.childMetadata(DashboardNames.certificate(model.dashboard())));
    certificate.setAdditionalProperty("spec", spec);
    return certificate;
  }
}
