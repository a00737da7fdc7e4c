package io.astralytiq.operator.dashboard.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardStatus;
import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.Tenants;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whether a tenant's policy lets a Dashboard run: its namespace, its quota of dashboards, its registries. */
class AdmissionTest {

  private static final OperatorConfig CONFIG = OperatorConfig.from(Map.of());
  private static final String IMAGE = "registry.acme.io/team/app:1.0";

  @Test
  void aNamespaceOfNoTenantIsRefusedUnlessTheOperatorAllowsIt() {
    Dashboard sales = dashboard("sales", "2026-11-01T00:00:00Z");

    assertThat(Admission.check(sales, null, Optional.empty(), IMAGE, Stream.of(sales), CONFIG)).isEqualTo(
        Outcome.of(TenantConditions.ADMITTED, false, TenantConditions.REASON_NO_TENANT,
            "namespace acme belongs to no Tenant: add it to a Tenant's spec.namespaces"));
    assertThat(Admission.check(sales, null, Optional.empty(), IMAGE, Stream.of(sales),
        OperatorConfig.from(Map.of("ALLOW_UNMANAGED_NAMESPACES", "true"))).reason())
        .isEqualTo(TenantConditions.REASON_UNMANAGED_NAMESPACE);
  }

  @Test
  void aTenantLabelNamingNoTenantIsRefused() {
    Dashboard sales = dashboard("sales", "2026-11-01T00:00:00Z");

    assertThat(Admission.check(sales, "acme", Optional.empty(), IMAGE, Stream.of(sales), CONFIG).message())
        .isEqualTo("namespace acme is labelled for tenant acme, but no Tenant of that name exists");
  }

  @Test
  void anImageFromARegistryTheTenantDoesNotAllowIsRefusedButTheOperatorsOwnIsNot() {
    Tenant acme = Tenants.of("acme", "acme");
    ImagePolicy policy = new ImagePolicy();
    policy.setAllowedRegistries(List.of("ghcr.io/astralytiq"));
    acme.getSpec().setImagePolicy(policy);
    Dashboard sales = dashboard("sales", "2026-11-01T00:00:00Z");

    Outcome refused = Admission.check(sales, "acme", Optional.of(acme), IMAGE, Stream.of(sales), CONFIG);
    assertThat(refused.status()).isFalse();
    assertThat(refused.reason()).isEqualTo(TenantConditions.REASON_IMAGE_NOT_ALLOWED);
    assertThat(refused.message()).isEqualTo("image " + IMAGE + " is not from a registry tenant acme allows"
        + " (ghcr.io/astralytiq)");
    assertThat(Admission.check(sales, "acme", Optional.of(acme), CONFIG.runtimeImage(), Stream.of(sales), CONFIG)
        .status()).isTrue();
  }

  @Test
  void theOldestGetTheQuotasSlotsAndATieKeepsTheOneAlreadyAdmitted() {
    Tenant acme = Tenants.withMaxDashboards("acme", 1, "acme");
    Dashboard older = dashboard("older", "2026-11-01T00:00:00Z");
    Dashboard newer = dashboard("newer", "2026-11-02T00:00:00Z");

    assertThat(Admission.check(older, "acme", Optional.of(acme), IMAGE, Stream.of(newer, older), CONFIG))
        .isEqualTo(Outcome.of(TenantConditions.ADMITTED, true, TenantConditions.REASON_ADMITTED,
            "admitted by tenant acme"));
    assertThat(Admission.check(newer, "acme", Optional.of(acme), IMAGE, Stream.of(newer, older), CONFIG))
        .isEqualTo(Outcome.of(TenantConditions.ADMITTED, false, TenantConditions.REASON_QUOTA_EXCEEDED,
            "tenant acme allows 1 dashboard(s) (quota.maxDashboards); this is number 2 by creation time"));

    Dashboard running = admitted(dashboard("zeta", "2026-11-01T00:00:00Z"));
    Dashboard tied = dashboard("alpha", "2026-11-01T00:00:00Z");
    assertThat(Admission.check(running, "acme", Optional.of(acme), IMAGE, Stream.of(tied, running), CONFIG)
        .status()).as("same second: the one admitted before keeps its place").isTrue();
    assertThat(Admission.check(tied, "acme", Optional.of(acme), IMAGE, Stream.of(tied, running), CONFIG)
        .status()).isFalse();
  }

  @Test
  void aDashboardBeingDeletedFreesItsSlot() {
    Tenant acme = Tenants.withMaxDashboards("acme", 1, "acme");
    Dashboard leaving = dashboard("leaving", "2026-11-01T00:00:00Z");
    leaving.getMetadata().setDeletionTimestamp("2026-11-03T00:00:00Z");
    Dashboard staying = dashboard("staying", "2026-11-02T00:00:00Z");

    assertThat(Admission.check(staying, "acme", Optional.of(acme), IMAGE, Stream.of(leaving, staying), CONFIG)
        .status()).isTrue();
  }

  private static Dashboard dashboard(String name, String created) {
    Dashboard dashboard = Dashboards.minimal("acme", name);
    dashboard.getMetadata().setUid("uid-" + name);
    dashboard.getMetadata().setCreationTimestamp(created);
    return dashboard;
  }

  private static Dashboard admitted(Dashboard dashboard) {
    Condition condition = new ConditionBuilder().withType(TenantConditions.ADMITTED).withStatus("True").build();
    DashboardStatus status = new DashboardStatus();
    status.setConditions(List.of(condition));
    dashboard.setStatus(status);
    return dashboard;
  }
}
