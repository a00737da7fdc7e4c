package io.astralytiq.operator.dashboard.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HostClaimsTest {

  private final Dashboard older = dashboard("a", "sales", "2026-01-01T10:00:00Z", "sales.example.com");
  private final Dashboard newer = dashboard("b", "sales", "2026-01-02T10:00:00Z", "sales.example.com");
  private final Dashboard elsewhere = dashboard("c", "ops", "2025-01-01T10:00:00Z", "ops.example.com");

  @Test
  void theOldestClaimHoldsTheHost() {
    assertThat(HostClaims.holder(newer, Stream.of(older, newer, elsewhere))).contains(older);
    assertThat(HostClaims.holder(older, Stream.of(older, newer, elsewhere))).isEmpty();
  }

  @Test
  void aClaimBeingDeletedHoldsNothing() {
    older.getMetadata().setDeletionTimestamp("2026-01-03T10:00:00Z");

    assertThat(HostClaims.holder(newer, Stream.of(older, newer))).isEmpty();
  }

  @Test
  void equalTimesAreSettledByNamespaceAndName() {
    Dashboard twin = dashboard("a2", "sales", "2026-01-01T10:00:00Z", "sales.example.com");

    assertThat(HostClaims.holder(twin, Stream.of(older, twin))).contains(older);
  }

  private static Dashboard dashboard(String namespace, String name, String created, String host) {
    Dashboard dashboard = new Dashboard();
    dashboard.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name)
        .withUid(namespace + "/" + name).withCreationTimestamp(created).build());
    DashboardSpec spec = new DashboardSpec();
    IngressSpec ingress = new IngressSpec();
    ingress.setHost(host);
    spec.setIngress(ingress);
    dashboard.setSpec(spec);
    return dashboard;
  }
}
