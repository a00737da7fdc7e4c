package io.astralytiq.operator.dashboard;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.foreign.Certificate;
import io.astralytiq.api.v1alpha1.IssuerRef;
import io.astralytiq.operator.common.ForeignApi;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How the certificate of a dashboard's ingress stands, per TLS mode; empty when it serves no ingress. */
final class DashboardTls {

  private DashboardTls() {}

  /** The TLS state of the Dashboard's ingress, from the informers. */
  static Optional<TlsView> observe(DashboardModel model, Context<Dashboard> context) {
    return switch (model.tlsMode()) {
      case None -> disabled(model);
      case CertManager -> {
        boolean installed = ForeignApi.CERTIFICATES.installed(context);
        yield certManager(model, installed, installed ? context.getSecondaryResource(Certificate.class)
            : Optional.empty());
      }
      case Secret, Operator -> Optional.empty();
    };
  }

  /**
   * @param certManagerInstalled whether the cluster serves cert-manager's Certificates
   * @param certificate the Certificate as cert-manager reports it, when there is one
   */
  static Optional<TlsView> certManager(DashboardModel model, boolean certManagerInstalled,
      Optional<Certificate> certificate) {
    if (model.servedIngress().isEmpty()) {
      return Optional.empty();
    }
    String host = model.spec().getIngress().getHost();
    if (!certManagerInstalled) {
      return Optional.of(TlsView.notReady(DashboardConditions.REASON_CERT_MANAGER_NOT_INSTALLED,
          "tls.mode CertManager, but cert-manager is not installed (no CRD " + ForeignApi.CERTIFICATES.crdName()
              + "); install it, or choose tls.mode Operator or Secret"));
    }
    Optional<IssuerRef> issuer = model.issuer();
    if (issuer.isEmpty()) {
      return Optional.of(TlsView.notReady(DashboardConditions.REASON_ISSUER_NOT_SET, "tls.mode CertManager needs an"
          + " issuer: set spec.ingress.tls.issuerRef, or spec.tls.issuerRef on the tenant"));
    }
    Optional<Map<String, Object>> ready = certificate.flatMap(DashboardTls::readyCondition);
    if (ready.isPresent() && "True".equals(ready.get().get("status"))) {
      return Optional.of(new TlsView(true, DashboardConditions.REASON_CERTIFICATE_ISSUED, "certificate for " + host
          + " issued by " + issuer.get().getKind() + " " + issuer.get().getName() + " into Secret "
          + DashboardNames.tlsSecret(model.dashboard()), Objects.toString(status(certificate.get()).get("notAfter"), null)));
    }
    String detail = ready.map(c -> "cert-manager says " + c.get("reason") + ": " + c.get("message"))
        .orElse("waiting for cert-manager");
    return Optional.of(TlsView.notReady(DashboardConditions.REASON_CERTIFICATE_PENDING,
        "certificate for " + host + " not issued yet: " + detail));
  }

  /** Plain HTTP on purpose. */
  static Optional<TlsView> disabled(DashboardModel model) {
    return model.servedIngress().map(i -> TlsView.notReady(DashboardConditions.REASON_TLS_DISABLED,
        "tls.mode None: " + i.getHost() + " is served over plain HTTP"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(GenericKubernetesResource resource) {
    Object status = resource.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> readyCondition(GenericKubernetesResource certificate) {
    Object conditions = status(certificate).get("conditions");
    if (!(conditions instanceof List<?> list)) {
      return Optional.empty();
    }
    return list.stream().filter(c -> c instanceof Map<?, ?> m && "Ready".equals(m.get("type")))
        .map(c -> (Map<String, Object>) c).findFirst();
  }
}
