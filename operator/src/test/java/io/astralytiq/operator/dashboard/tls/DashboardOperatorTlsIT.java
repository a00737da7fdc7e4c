package io.astralytiq.operator.dashboard.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.tls.CertificateAuthority;
import io.astralytiq.operator.tls.CertificateIssuer;
import io.astralytiq.operator.tls.HostNames;
import io.astralytiq.operator.tls.LeafCertificate;
import io.astralytiq.operator.tls.ca.CaBundle;
import io.astralytiq.operator.tls.ca.CaSecretData;
import io.astralytiq.operator.tls.leaf.LeafSecretData;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * tls.mode Operator and Secret on a real API server. The operator's certificates live 30 seconds here, so that
 * their renewal (at two thirds of their life) happens while the test watches.
 */
class DashboardOperatorTlsIT {

  private static final String CA_NAMESPACE = "astralytiq-tls-it";

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onIsolatedApiServer(Map.of("OPERATOR_NAMESPACE",
      CA_NAMESPACE, "CERTIFICATE_LIFETIME", "30s"));

  @BeforeAll
  static void operatorNamespace() {
    operator.client().resource(new NamespaceBuilder().withNewMetadata().withName(CA_NAMESPACE).endMetadata()
        .build()).create();
  }

  @Test
  void theOperatorsCaCertifiesTheHostAndRenewsTheCertificateAtTwoThirdsOfItsLife() {
    String namespace = operator.namespace("tls-op");
    operator.client().resource(Dashboards.withTls(Dashboards.minimal(namespace, "sales"), "sales.example.test",
        IngressTls.TlsMode.Operator, null)).create();

    Condition issued = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.TLS_READY, "True",
        DashboardConditions.REASON_CERTIFICATE_ISSUED);
    assertThat(issued.getMessage()).contains("sales.example.test").contains("operator's CA").contains("sales-tls");
    Secret secret = operator.client().secrets().inNamespace(namespace).withName("sales-tls").get();
    assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
    LeafCertificate first = LeafSecretData.read(secret.getData());
    CaBundle ca = CaSecretData.fromData(operator.client().secrets().inNamespace(CA_NAMESPACE)
        .withName("astralytiq-operator-ca").get().getData()).orElseThrow();
    assertThat(ca.signing().signed(first.certificate())).as("signed by the operator's CA").isTrue();
    assertThat(HostNames.covers(first.certificate(), "sales.example.test")).isTrue();
    assertThat(operator.dashboards().get(namespace, "sales").getStatus().getCertificateNotAfter())
        .isEqualTo(first.notAfter().toString());

    operator.dashboards().awaitEvent(namespace, "sales", "Normal", "CertificateRenewed");
    LeafCertificate renewed = LeafSecretData.read(operator.client().secrets().inNamespace(namespace)
        .withName("sales-tls").get().getData());
    assertThat(renewed.certificate().getSerialNumber()).isNotEqualTo(first.certificate().getSerialNumber());
    assertThat(renewed.notAfter()).isAfter(first.notAfter());

    operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().getIngress().setHost("sales.example.org");
      return d;
    });
    operator.dashboards().awaitPresent("a certificate for the new host", () -> {
      LeafCertificate now = LeafSecretData.read(operator.client().secrets().inNamespace(namespace)
          .withName("sales-tls").get().getData());
      return HostNames.covers(now.certificate(), "sales.example.org") ? now : null;
    });
  }

  @Test
  void aUsersSecretIsCheckedForItsTypeHostAndExpiry() {
    String namespace = operator.namespace("tls-secret");
    CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC(), TlsPolicy.DEFAULTS);
    CertificateAuthority theirCa = issuer.newCa();
    createTlsSecret(namespace, "right", LeafSecretData.toData(issuer.issue(theirCa, "right.example.test"),
        CaBundle.of(theirCa)));
    createTlsSecret(namespace, "wrong-host", LeafSecretData.toData(issuer.issue(theirCa, "other.example.test"),
        CaBundle.of(theirCa)));

    operator.client().resource(Dashboards.withTls(Dashboards.minimal(namespace, "missing"), "missing.example.test",
        IngressTls.TlsMode.Secret, "absent")).create();
    operator.client().resource(Dashboards.withTls(Dashboards.minimal(namespace, "mismatch"), "mismatch.example.test",
        IngressTls.TlsMode.Secret, "wrong-host")).create();
    operator.client().resource(Dashboards.withTls(Dashboards.minimal(namespace, "right"), "right.example.test",
        IngressTls.TlsMode.Secret, "right")).create();

    Condition missing = operator.dashboards().awaitCondition(namespace, "missing", DashboardConditions.TLS_READY,
        "False", DashboardConditions.REASON_SECRET_NOT_FOUND);
    assertThat(missing.getMessage()).contains("absent");
    Condition notServed = operator.dashboards().awaitCondition(namespace, "missing", DashboardConditions.READY,
        "False", DashboardConditions.REASON_TLS_NOT_READY);
    assertThat(notServed.getMessage()).startsWith("TLSReady is False (SecretNotFound)").contains("absent");
    assertThat(operator.dashboards().get(namespace, "missing").getStatus().getPhase())
        .as("runs, but not served as asked").isEqualTo(DashboardPhase.Degraded);
    Condition mismatch = operator.dashboards().awaitCondition(namespace, "mismatch", DashboardConditions.TLS_READY,
        "False", "HostNotCovered");
    assertThat(mismatch.getMessage()).contains("mismatch.example.test");
    operator.dashboards().awaitEvent(namespace, "mismatch", "Warning", "HostNotCovered");
    operator.dashboards().awaitCondition(namespace, "right", DashboardConditions.TLS_READY, "True",
        DashboardConditions.REASON_SECRET_VALID);
    assertThat(operator.dashboards().get(namespace, "right").getStatus().getCertificateNotAfter()).isNotNull();
    assertThat(operator.client().network().v1().ingresses().inNamespace(namespace).withName("right").get().getSpec()
        .getTls().get(0).getSecretName()).isEqualTo("right");
  }

  private static void createTlsSecret(String namespace, String name, Map<String, String> data) {
    operator.client().resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .endMetadata().withType("kubernetes.io/tls").withData(data).build()).create();
  }
}
