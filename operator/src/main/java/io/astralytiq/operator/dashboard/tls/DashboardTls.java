package io.astralytiq.operator.dashboard.tls;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.IssuerRef;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.foreign.Certificate;
import io.astralytiq.operator.foreign.ForeignApi;
import io.astralytiq.operator.tls.secret.SecretVerdict;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How the certificate of a dashboard's ingress stands, per TLS mode; empty when it serves no ingress. */
public final class DashboardTls {

  private DashboardTls() {}

  /** How long a Dashboard waits before it looks again at a user's Secret that is missing or wrong. */
  static final Duration RECHECK_SECRET = Duration.ofSeconds(30);

  /**
   * The TLS state of the Dashboard's ingress: from the informers, the user's Secret (read, not watched), or the
   * certificate the operator just worked out.
   */
  public static Optional<TlsOutcome> observe(DashboardModel model, Context<Dashboard> context, CertificateTools tools,
      Optional<TlsOutcome> operatorIssued) {
    if (model.servedIngress().isEmpty()) {
      return Optional.empty();
    }
    return switch (model.tlsMode()) {
      case None -> disabled(model);
      case CertManager -> {
        boolean installed = ForeignApi.CERTIFICATES.installed(context);
        yield certManager(model, installed, installed ? context.getSecondaryResource(Certificate.class)
            : Optional.empty());
      }
      case Secret -> Optional.of(userSecret(model, Optional.ofNullable(context.getClient().secrets()
          .inNamespace(model.namespace()).withName(DashboardNames.tlsSecret(model.dashboard())).get()), tools));
      case Operator -> operatorIssued;
    };
  }

  /** tls.mode Secret: the user's Secret, checked for type, host and expiry. */
  static TlsOutcome userSecret(DashboardModel model, Optional<Secret> secret, CertificateTools tools) {
    String name = DashboardNames.tlsSecret(model.dashboard());
    Instant soon = tools.clock().instant().plus(RECHECK_SECRET);
    if (secret.isEmpty()) {
      return TlsOutcome.of(false, DashboardConditions.REASON_SECRET_NOT_FOUND, "tls.mode Secret: Secret " + name
          + " not found in namespace " + model.namespace(), null, soon);
    }
    SecretVerdict verdict = tools.secretCheck().check(secret.get().getType(),
        secret.get().getData() == null ? Map.of() : secret.get().getData(), model.spec().getIngress().getHost());
    String notAfter = verdict.notAfter().map(Instant::toString).orElse(null);
    Instant recheckAt = switch (verdict.severity()) {
      case OK -> verdict.notAfter().map(t -> t.minus(tools.secretCheck().expiryWarning())).orElse(soon);
      case WARNING -> verdict.notAfter().orElse(soon);
      case ERROR -> soon;
    };
    return TlsOutcome.of(verdict.severity() == SecretVerdict.Severity.OK, verdict.reason(),
        "Secret " + name + ": " + verdict.message(), notAfter, recheckAt);
  }

  /** tls.mode Operator: the certificate the operator's CA issued for the host. */
  static TlsOutcome operatorIssued(DashboardModel model, OperatorLeaf leaf) {
    return TlsOutcome.of(true, DashboardConditions.REASON_CERTIFICATE_ISSUED, "certificate for "
        + model.spec().getIngress().getHost() + " issued by the operator's CA into Secret "
        + DashboardNames.tlsSecret(model.dashboard()) + "; renewed from " + leaf.recheckAt(),
        leaf.leaf().notAfter().toString(), leaf.recheckAt());
  }

  /**
   * @param certManagerInstalled whether the cluster serves cert-manager's Certificates
   * @param certificate the Certificate as cert-manager reports it, when there is one
   */
  static Optional<TlsOutcome> certManager(DashboardModel model, boolean certManagerInstalled,
      Optional<Certificate> certificate) {
    String host = model.spec().getIngress().getHost();
    if (!certManagerInstalled) {
      return Optional.of(TlsOutcome.notReady(DashboardConditions.REASON_CERT_MANAGER_NOT_INSTALLED,
          "tls.mode CertManager, but cert-manager is not installed (no CRD " + ForeignApi.CERTIFICATES.crdName()
              + "); install it, or choose tls.mode Operator or Secret"));
    }
    Optional<IssuerRef> issuer = model.issuer();
    if (issuer.isEmpty()) {
      return Optional.of(TlsOutcome.notReady(DashboardConditions.REASON_ISSUER_NOT_SET, "tls.mode CertManager needs an"
          + " issuer: set spec.ingress.tls.issuerRef, or spec.tls.issuerRef on the tenant"));
    }
    Optional<Map<String, Object>> ready = certificate.flatMap(DashboardTls::readyCondition);
    if (ready.isPresent() && "True".equals(ready.get().get("status"))) {
      return Optional.of(TlsOutcome.of(true, DashboardConditions.REASON_CERTIFICATE_ISSUED, "certificate for " + host
          + " issued by " + issuer.get().getKind() + " " + issuer.get().getName() + " into Secret "
          + DashboardNames.tlsSecret(model.dashboard()), Objects.toString(status(certificate.get()).get("notAfter"),
          null), null));
    }
    String detail = ready.map(c -> "cert-manager says " + c.get("reason") + ": " + c.get("message"))
        .orElse("waiting for cert-manager");
    return Optional.of(TlsOutcome.notReady(DashboardConditions.REASON_CERTIFICATE_PENDING,
        "certificate for " + host + " not issued yet: " + detail));
  }

  /** Plain HTTP on purpose. */
  static Optional<TlsOutcome> disabled(DashboardModel model) {
    return model.servedIngress().map(i -> TlsOutcome.notReady(DashboardConditions.REASON_TLS_DISABLED,
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
