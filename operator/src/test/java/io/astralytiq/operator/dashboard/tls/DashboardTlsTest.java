package io.astralytiq.operator.dashboard.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.IngressTls.TlsMode;
import io.astralytiq.api.v1alpha1.IssuerRef;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.foreign.Certificate;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.MutableClock;
import io.astralytiq.operator.tls.UserCertificates;
import io.astralytiq.operator.tls.leaf.LeafSecretData;
import io.astralytiq.operator.tls.secret.SecretCheck;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** TLSReady for each TLS mode, from what the cluster holds; no cluster needed. */
class DashboardTlsTest {

  private static final String HOST = "sales.example.test";
  private static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");
  private static final CertificateTools TOOLS = new CertificateTools(null, null, null,
      new SecretCheck(new MutableClock(NOW), Duration.ofDays(14)), new MutableClock(NOW));

  @Test
  void noIngressMeansNoTlsCondition() {
    DashboardModel model = model(Dashboards.minimal("acme", "sales"));

    assertThat(DashboardTls.observe(model, null, TOOLS, Optional.empty())).isEmpty();
  }

  @Test
  void aMissingUserSecretIsLookedAtAgainSoon() {
    TlsOutcome tls = DashboardTls.userSecret(model(TlsMode.Secret), Optional.empty(), TOOLS);

    assertThat(tls.tlsReady()).isEqualTo(new Outcome(DashboardConditions.TLS_READY, false,
        DashboardConditions.REASON_SECRET_NOT_FOUND, "tls.mode Secret: Secret sales-tls not found in namespace acme",
        NOW.plus(DashboardTls.RECHECK_SECRET)));
    assertThat(tls.notAfter()).isNull();
  }

  @Test
  void aValidUserSecretIsReadyAndLookedAtAgainWhenItsExpiryNears() throws Exception {
    Instant notAfter = NOW.plus(Duration.ofDays(60));
    Secret secret = new SecretBuilder().withType(LeafSecretData.TYPE).withData(UserCertificates.secretData(
        UserCertificates.rsaKeys(), List.of(HOST), NOW.minusSeconds(60), notAfter)).build();

    TlsOutcome tls = DashboardTls.userSecret(model(TlsMode.Secret), Optional.of(secret), TOOLS);

    assertThat(tls.tlsReady().status()).isTrue();
    assertThat(tls.tlsReady().reason()).isEqualTo(DashboardConditions.REASON_SECRET_VALID);
    assertThat(tls.tlsReady().recheckAt()).isEqualTo(notAfter.minus(Duration.ofDays(14)));
    assertThat(tls.notAfter()).isEqualTo(notAfter.toString());
  }

  @Test
  void aUserSecretOfTheWrongTypeIsNotReady() {
    Secret opaque = new SecretBuilder().withType("Opaque").withData(Map.of()).build();

    TlsOutcome tls = DashboardTls.userSecret(model(TlsMode.Secret), Optional.of(opaque), TOOLS);

    assertThat(tls.tlsReady().status()).isFalse();
    assertThat(tls.tlsReady().message()).startsWith("Secret sales-tls: ");
    assertThat(tls.tlsReady().recheckAt()).isEqualTo(NOW.plus(DashboardTls.RECHECK_SECRET));
  }

  @Test
  void certManagerMissingOrWithoutIssuerSaysWhatToDo() {
    assertThat(DashboardTls.certManager(model(TlsMode.CertManager), false, Optional.empty()))
        .map(t -> t.tlsReady().reason()).contains(DashboardConditions.REASON_CERT_MANAGER_NOT_INSTALLED);
    assertThat(DashboardTls.certManager(model(TlsMode.CertManager), true, Optional.empty()))
        .map(t -> t.tlsReady().reason()).contains(DashboardConditions.REASON_ISSUER_NOT_SET);
  }

  @Test
  void certManagerIsReadyOnceItsCertificateIs() {
    DashboardModel model = withIssuer(model(TlsMode.CertManager));

    assertThat(DashboardTls.certManager(model, true, Optional.empty())).map(TlsOutcome::tlsReady)
        .contains(Outcome.of(DashboardConditions.TLS_READY, false, DashboardConditions.REASON_CERTIFICATE_PENDING,
            "certificate for " + HOST + " not issued yet: waiting for cert-manager"));
    assertThat(DashboardTls.certManager(model, true, Optional.of(certificate("True", "2030-09-01T00:00:00Z"))))
        .hasValueSatisfying(tls -> {
          assertThat(tls.tlsReady().status()).isTrue();
          assertThat(tls.tlsReady().message()).isEqualTo("certificate for " + HOST
              + " issued by ClusterIssuer letsencrypt into Secret sales-tls");
          assertThat(tls.notAfter()).isEqualTo("2030-09-01T00:00:00Z");
        });
  }

  @Test
  void modeNoneIsPlainHttpOnPurpose() {
    assertThat(DashboardTls.disabled(model(TlsMode.None))).map(TlsOutcome::tlsReady)
        .contains(Outcome.of(DashboardConditions.TLS_READY, false, DashboardConditions.REASON_TLS_DISABLED,
            "tls.mode None: " + HOST + " is served over plain HTTP"));
  }

  private static DashboardModel model(TlsMode mode) {
    return model(Dashboards.withTls(Dashboards.minimal("acme", "sales"), HOST, mode, "sales-tls"));
  }

  private static DashboardModel model(Dashboard dashboard) {
    return new DashboardModel(dashboard, OperatorConfig.from(Map.of()), null, null, null, false, null, Set.of());
  }

  private static DashboardModel withIssuer(DashboardModel model) {
    IssuerRef issuer = new IssuerRef();
    issuer.setKind(IssuerRef.IssuerKind.ClusterIssuer);
    issuer.setName("letsencrypt");
    model.spec().getIngress().getTls().setIssuerRef(issuer);
    return model;
  }

  private static Certificate certificate(String ready, String notAfter) {
    Certificate certificate = new Certificate();
    certificate.setAdditionalProperty("status", Map.of("notAfter", notAfter,
        "conditions", List.of(Map.of("type", "Ready", "status", ready))));
    return certificate;
  }
}
