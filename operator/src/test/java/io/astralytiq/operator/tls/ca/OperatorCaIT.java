package io.astralytiq.operator.tls.ca;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.common.EventRecorder;
import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.testing.MutableClock;
import io.astralytiq.operator.tls.CertificateIssuer;
import io.astralytiq.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's CA kept in its Secret on a real API server, walked through a year of its life with a clock the
 * test moves: created when first asked for, its successor published and then signing, the old CA dropped once
 * expired; and two operator processes sharing it never overwrite each other's step.
 */
@ExtendWith(RealApiServer.class)
class OperatorCaIT {

  private static final TlsPolicy POLICY = TlsPolicy.DEFAULTS;

  private KubernetesClient client;
  private String namespace;
  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

  @BeforeEach
  void namespace(KubernetesClient client) {
    this.client = client;
    namespace = "ca-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
  }

  @Test
  void theCaIsCreatedOnceThenRotatedWithAnOverlapAndItsPredecessorDroppedWhenExpired() {
    OperatorCa ca = operatorCa();

    CaBundle first = ca.bundle(clock.instant());
    String created = secret().getMetadata().getResourceVersion();
    assertThat(ca.bundle(clock.instant())).isSameAs(first);
    assertThat(secret().getMetadata().getResourceVersion()).as("nothing due: no write").isEqualTo(created);
    assertThat(operatorCa().bundle(clock.instant()).signing().certificate())
        .as("another process reads the same CA").isEqualTo(first.signing().certificate());

    clock.set(first.signing().successorDueAt().plusSeconds(1));
    CaBundle published = ca.bundle(clock.instant());
    assertThat(published.signing().certificate()).isEqualTo(first.signing().certificate());
    assertThat(published.next()).isPresent();
    assertThat(stored().trusted()).hasSize(2);

    clock.advance(POLICY.rotationOverlap());
    CaBundle switched = ca.bundle(clock.instant());
    assertThat(switched.signing().certificate()).isEqualTo(published.next().orElseThrow().certificate());
    assertThat(stored().trusted()).as("the old CA is still trusted").contains(first.signing().certificate());

    clock.set(first.signing().notAfter().plusSeconds(1));
    assertThat(ca.bundle(clock.instant()).trusted()).doesNotContain(first.signing().certificate());
    assertThat(stored().trusted()).doesNotContain(first.signing().certificate());
    assertThat(client.v1().events().inNamespace(namespace).list().getItems())
        .extracting(e -> e.getReason()).contains("CertificateAuthorityRotated");
  }

  @Test
  void twoProcessesStepTheRotationOnceBetweenThem() {
    OperatorCa one = operatorCa();
    OperatorCa other = operatorCa();
    CaBundle first = one.bundle(clock.instant());

    clock.set(first.signing().successorDueAt().plusSeconds(1));
    CaBundle byOne = one.bundle(clock.instant());
    CaBundle byOther = other.bundle(clock.instant());

    assertThat(byOther.next().orElseThrow().certificate())
        .as("the second process takes the successor the first one published, not one of its own")
        .isEqualTo(byOne.next().orElseThrow().certificate());
    assertThat(stored().next().orElseThrow().certificate()).isEqualTo(byOne.next().orElseThrow().certificate());
  }

  private OperatorCa operatorCa() {
    return new OperatorCa(client, namespace, "astralytiq-operator-ca",
        new CaRotation(new CertificateIssuer(clock, POLICY), clock, POLICY), new EventRecorder(client, clock));
  }

  private Secret secret() {
    return client.secrets().inNamespace(namespace).withName("astralytiq-operator-ca").get();
  }

  private CaBundle stored() {
    Map<String, String> data = secret().getData();
    return CaSecretData.fromData(data).orElseThrow();
  }
}
