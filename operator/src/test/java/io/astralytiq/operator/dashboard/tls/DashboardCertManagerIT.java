package io.astralytiq.operator.dashboard.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.astralytiq.api.v1alpha1.IssuerRef;
import io.astralytiq.operator.foreign.ForeignApi;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.testing.ThirdPartyCrds;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * tls.mode CertManager on a real API server, first without cert-manager's CRDs and then with them installed while
 * the operator runs; and tls.mode Operator while the operator's own namespace is missing (an API server of its own, so that installing CRDs does not change other test classes).
 * cert-manager itself does not run here: the test plays its part by writing the Certificate's status.
 */
class DashboardCertManagerIT {

  private static final String HOST = "sales.example.test";

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onIsolatedApiServer(Map.of());

  @Test
  void withoutCertManagerTheStatusSaysSoAndInstallingItLaterIsPickedUpWithoutARestart() {
    String namespace = operator.namespace("tls-cm");
    Dashboard dashboard = Dashboards.withTls(Dashboards.minimal(namespace, "sales"), HOST,
        IngressTls.TlsMode.CertManager, null);
    IssuerRef issuer = new IssuerRef();
    issuer.setName("letsencrypt");
    dashboard.getSpec().getIngress().getTls().setIssuerRef(issuer);
    operator.client().resource(dashboard).create();

    Condition notInstalled = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.TLS_READY,
        "False", DashboardConditions.REASON_CERT_MANAGER_NOT_INSTALLED);
    assertThat(notInstalled.getMessage()).contains(ForeignApi.CERTIFICATES.crdName());
    operator.dashboards().awaitEvent(namespace, "sales", "Warning",
        DashboardConditions.REASON_CERT_MANAGER_NOT_INSTALLED);
    assertThat(operator.dashboards().get(namespace, "sales").getStatus().getPhase())
        .as("the dashboard itself still runs").isNotNull();

    ThirdPartyCrds.CERT_MANAGER.install(operator.client());

    GenericKubernetesResource certificate = operator.dashboards().awaitPresent("the Certificate",
        () -> certificate(namespace).get());
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) certificate.getAdditionalProperties().get("spec");
    assertThat(spec).containsEntry("secretName", "sales-tls").containsEntry("dnsNames", List.of(HOST))
        .containsEntry("issuerRef", Map.of("name", "letsencrypt", "kind", "ClusterIssuer", "group",
            "cert-manager.io"));
    assertThat(certificate.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getName()).isEqualTo("sales"));
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.TLS_READY, "False",
        DashboardConditions.REASON_CERTIFICATE_PENDING);

    // cert-manager's part: the certificate is issued.
    certificate(namespace).editStatus(c -> {
      c.getAdditionalProperties().put("status", Map.of("notAfter", "2027-02-24T06:00:00Z", "conditions",
          List.of(Map.of("type", "Ready", "status", "True", "reason", "Ready", "message", "issued"))));
      return c;
    });
    Condition issued = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.TLS_READY, "True",
        DashboardConditions.REASON_CERTIFICATE_ISSUED);
    assertThat(issued.getMessage()).contains(HOST).contains("ClusterIssuer letsencrypt").contains("sales-tls");
    assertThat(operator.dashboards().get(namespace, "sales").getStatus().getCertificateNotAfter())
        .isEqualTo("2027-02-24T06:00:00Z");
    assertThat(operator.client().network().v1().ingresses().inNamespace(namespace).withName("sales").get()
        .getSpec().getTls()).singleElement().satisfies(tls -> {
          assertThat(tls.getHosts()).containsExactly(HOST);
          assertThat(tls.getSecretName()).isEqualTo("sales-tls");
        });

    // Switching to plain HTTP removes the Certificate and says so.
    operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().getIngress().getTls().setMode(IngressTls.TlsMode.None);
      return d;
    });
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.TLS_READY, "False",
        DashboardConditions.REASON_TLS_DISABLED);
    operator.dashboards().awaitAbsent("the Certificate", () -> certificate(namespace).get());
    assertThat(operator.client().network().v1().ingresses().inNamespace(namespace).withName("sales").get()
        .getSpec().getTls()).isEmpty();
  }

  private static Resource<GenericKubernetesResource> certificate(String namespace) {
    return operator.client().genericKubernetesResources(ForeignApi.CERTIFICATES.apiVersion(),
        ForeignApi.CERTIFICATES.kind()).inNamespace(namespace).withName("sales");
  }

  @Test
  void anOperatorWhoseOwnNamespaceIsMissingSaysSoOnTlsReadyAndTheDashboardStillRuns() {
    String namespace = operator.namespace("tls-noca");
    operator.client().resource(Dashboards.withTls(Dashboards.minimal(namespace, "ops"), "ops.example.test",
        IngressTls.TlsMode.Operator, null)).create();

    Condition unavailable = operator.dashboards().awaitCondition(namespace, "ops", DashboardConditions.TLS_READY,
        "False", DashboardConditions.REASON_CA_UNAVAILABLE);
    assertThat(unavailable.getMessage()).as("this operator's OPERATOR_NAMESPACE, astralytiq-system, does not exist")
        .contains("astralytiq-system");
    assertThat(operator.client().apps().deployments().inNamespace(namespace).withName("ops").get()).isNotNull();
  }
}
