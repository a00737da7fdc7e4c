package io.astralytiq.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantStatus;
import io.astralytiq.operator.common.Conditions;
import io.astralytiq.operator.common.Refusal;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.tenant.model.TenantModel;
import io.astralytiq.operator.testing.Tenants;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantStatusFactoryTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void usageIsSummedOverTheNamespacesInReadableUnits() {
    var tenant = Tenants.of("acme", "acme-a", "acme-b");
    tenant.getMetadata().setGeneration(3L);
    TenantModel model = new TenantModel(tenant, OperatorConfig.from(Map.of()), Map.of());

    TenantStatus status = TenantStatusFactory.compute(model, List.of(),
        List.of(used("250m", "512Mi", "1"), used("1", "1Gi", "2")), List.of(), List.of(), CLOCK);

    assertThat(status.getUsage().getCpu()).isEqualTo("1250m");
    assertThat(status.getUsage().getMemory()).isEqualTo("1536Mi");
    assertThat(status.getUsage().getPods()).isEqualTo(3);
    assertThat(status.getNamespaces()).containsExactly("acme-a", "acme-b");
    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(Conditions.isTrue(status.getConditions(), TenantConditions.READY)).isTrue();
  }

  @Test
  void aNamespaceOfAnotherTenantMakesItNotReadyAndSaysWhich() {
    var tenant = Tenants.of("acme", "acme-a", "shared");
    tenant.getMetadata().setGeneration(1L);
    var taken = new NamespaceBuilder().withNewMetadata().withName("shared")
        .withLabels(Map.of(Labels.TENANT, "globex")).endMetadata().build();
    TenantModel model = new TenantModel(tenant, OperatorConfig.from(Map.of()), Map.of("shared", Optional.of(taken)));

    TenantStatus status = TenantStatusFactory.compute(model, List.of(), List.of(), List.of(), List.of(), CLOCK);

    assertThat(Conditions.isTrue(status.getConditions(), TenantConditions.READY)).isFalse();
    assertThat(Conditions.find(status.getConditions(), TenantConditions.CONFLICT).orElseThrow().getMessage())
        .contains("shared");
    assertThat(status.getNamespaces()).containsExactly("acme-a");
    assertThat(status.getUsage().getCpu()).as("no quota, no usage").isNull();
  }

  @Test
  void aRefusedObjectMakesItNotReadyNamingTheObjectAndTheApiServersWords() {
    var tenant = Tenants.of("acme", "acme-a");
    tenant.getMetadata().setGeneration(1L);
    TenantModel model = new TenantModel(tenant, OperatorConfig.from(Map.of()), Map.of());
    Refusal refusal = new Refusal("ResourceQuota", "acme", "resourcequotas \"acme\" is forbidden: no quotas here");

    TenantStatus status = TenantStatusFactory.compute(model, List.of(), List.of(),
        List.of("astralytiq-tenant-editor"), List.of(refusal), CLOCK);

    Condition ready = Conditions.find(status.getConditions(), TenantConditions.READY).orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).as("a refusal comes before a missing role").isEqualTo(
        TenantConditions.REASON_CHILD_REFUSED);
    assertThat(ready.getMessage()).contains("the API server refused ResourceQuota acme: resourcequotas \"acme\" is"
        + " forbidden: no quotas here");
    assertThat(Conditions.isTrue(status.getConditions(), TenantConditions.STALLED)).isTrue();
    assertThat(Conditions.isTrue(status.getConditions(), TenantConditions.CONFLICT)).isFalse();
  }

  @Test
  void aMissingClusterRoleMakesItNotReadyAndNamesTheRole() {
    var tenant = Tenants.of("acme", "acme-a");
    tenant.getMetadata().setGeneration(1L);
    TenantModel model = new TenantModel(tenant, OperatorConfig.from(Map.of()), Map.of());

    TenantStatus status = TenantStatusFactory.compute(model, List.of(), List.of(),
        List.of("astralytiq-tenant-editor"), List.of(), CLOCK);

    Condition ready = Conditions.find(status.getConditions(), TenantConditions.READY).orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(TenantConditions.REASON_CLUSTER_ROLE_NOT_FOUND);
    assertThat(ready.getMessage()).contains("ClusterRole(s) astralytiq-tenant-editor, which do not exist")
        .contains("refused everything in acme-a");
    assertThat(Conditions.isTrue(status.getConditions(), TenantConditions.STALLED)).as("needs someone to act").isTrue();
    assertThat(Conditions.isTrue(status.getConditions(), TenantConditions.CONFLICT)).isFalse();
  }

  private static ResourceQuota used(String cpu, String memory, String pods) {
    return new ResourceQuotaBuilder().withNewStatus().withUsed(Map.of("requests.cpu", new Quantity(cpu),
        "requests.memory", new Quantity(memory), "pods", new Quantity(pods))).endStatus().build();
  }
}
