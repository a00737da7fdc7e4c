package io.astralytiq.operator.dashboard.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.tls.LeafCertificate;
import io.astralytiq.operator.tls.ca.CaBundle;
import io.astralytiq.operator.tls.ca.CaSecretData;
import io.astralytiq.operator.tls.leaf.LeafSecretData;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Losing the operator's namespace (docs/operations.md): its CA Secret goes with it, and the reinstalled operator
 * makes a new CA. Every leaf the old CA signed is issued again from the new one, with nothing else to do for the
 * platform team. Certificates live their default 90 days here, so no routine renewal can pass for the reissue.
 */
class OperatorCaLossIT {

  private static final String CA_NAMESPACE = "astralytiq-ca-loss";
  private static final String CA_SECRET = "astralytiq-operator-ca";

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onIsolatedApiServer(Map.of("OPERATOR_NAMESPACE",
      CA_NAMESPACE));

  @Test
  void aNewCaReissuesEveryLeafOfTheOldOne() {
    operator.client().resource(new NamespaceBuilder().withNewMetadata().withName(CA_NAMESPACE).endMetadata()
        .build()).create();
    String namespace = operator.namespace("ca-loss");
    for (String name : new String[] {"sales", "ops"}) {
      operator.client().resource(Dashboards.withTls(Dashboards.minimal(namespace, name), name + ".example.test",
          IngressTls.TlsMode.Operator, null)).create();
      operator.dashboards().awaitCondition(namespace, name, DashboardConditions.TLS_READY, "True",
          DashboardConditions.REASON_CERTIFICATE_ISSUED);
    }
    CaBundle lost = ca();
    LeafCertificate before = leaf(namespace, "sales");
    assertThat(lost.signing().signed(before.certificate())).isTrue();

    // An API server without controllers never finishes deleting a namespace: removing what it held is the same loss.
    operator.client().secrets().inNamespace(CA_NAMESPACE).withName(CA_SECRET).delete();
    operator.restart();

    CaBundle made = operator.dashboards().awaitPresent("a new CA", () -> {
      var secret = operator.client().secrets().inNamespace(CA_NAMESPACE).withName(CA_SECRET).get();
      return secret == null ? null : CaSecretData.fromData(secret.getData()).orElse(null);
    });
    assertThat(made.signing().certificate()).isNotEqualTo(lost.signing().certificate());
    for (String name : new String[] {"sales", "ops"}) {
      LeafCertificate reissued = operator.dashboards().awaitPresent("the leaf of " + name + " from the new CA", () -> {
        LeafCertificate now = leaf(namespace, name);
        return made.signing().signed(now.certificate()) ? now : null;
      });
      assertThat(lost.signing().signed(reissued.certificate())).as("no longer the old CA's").isFalse();
      operator.dashboards().awaitCondition(namespace, name, DashboardConditions.TLS_READY, "True",
          DashboardConditions.REASON_CERTIFICATE_ISSUED);
    }
  }

  private static CaBundle ca() {
    return CaSecretData.fromData(operator.client().secrets().inNamespace(CA_NAMESPACE).withName(CA_SECRET).get()
        .getData()).orElseThrow();
  }

  private static LeafCertificate leaf(String namespace, String name) {
    return LeafSecretData.read(operator.client().secrets().inNamespace(namespace).withName(name + "-tls").get()
        .getData());
  }
}
