package io.astralytiq.operator.tenant.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.MemberKind;
import io.astralytiq.api.v1alpha1.ResourceDefaults;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantQuota;
import io.astralytiq.api.v1alpha1.TenantRole;
import io.astralytiq.api.v1alpha1.TenantSpec;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.testing.GoldenFiles;
import io.astralytiq.operator.testing.Tenants;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Tenant in, its objects out: golden YAML for every kind of child and the namespace decisions. */
class TenantModelTest {

  private static final OperatorConfig CONFIG = OperatorConfig.from(Map.of());

  @Test
  void membersBecomeOneRoleBindingPerRoleInEachNamespace() {
    TenantModel model = model(acme(), Map.of());

    assertThat(model.roleBindings()).hasSize(6);
    GoldenFiles.assertMatches("tenant/rolebindings", model.roleBindings().subList(0, 3));
  }

  @Test
  void quotaDefaultsAndIsolationInEachNamespace() {
    TenantModel model = model(acme(), Map.of());

    GoldenFiles.assertMatches("tenant/quota", model.resourceQuotas().get(0));
    GoldenFiles.assertMatches("tenant/limitrange", model.limitRanges().get(0));
    GoldenFiles.assertMatches("tenant/isolation", model.networkPolicies().get(0));
    assertThat(model.resourceQuotas()).hasSize(2);
  }

  @Test
  void withoutIsolationQuotaOrDefaultsThoseObjectsAreNotMade() {
    Tenant tenant = acme();
    tenant.getSpec().setNetworkIsolation(false);
    tenant.getSpec().setQuota(null);
    tenant.getSpec().setDefaults(null);
    TenantModel model = model(tenant, Map.of());

    assertThat(model.networkPolicies()).isEmpty();
    assertThat(model.resourceQuotas()).isEmpty();
    assertThat(model.limitRanges()).isEmpty();
  }

  @Test
  void aNamespaceTheOperatorCreatesIsMarkedSoAndOneItAdoptsIsNot() {
    Namespace existing = namespace("acme-reports", Map.of());
    TenantModel model = model(acme(), Map.of("acme-reports", Optional.of(existing)));

    assertThat(model.namespace("acme-analytics").getMetadata().getAnnotations())
        .containsEntry(Labels.CREATED_FOR_TENANT, "acme");
    assertThat(model.namespace("acme-reports").getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(model.namespace("acme-reports").getMetadata().getLabels()).containsEntry(Labels.TENANT, "acme");
    assertThat(model.namespace("acme-reports").getMetadata().getOwnerReferences())
        .as("never owned: deleting the Tenant must not delete it").isNullOrEmpty();
  }

  @Test
  void aNamespaceHeldByAnotherTenantIsLeftAloneAndReported() {
    Namespace taken = namespace("acme-reports", Map.of(Labels.TENANT, "globex"));
    TenantModel model = model(acme(), Map.of("acme-reports", Optional.of(taken)));

    assertThat(model.namespaces()).containsExactly("acme-analytics");
    assertThat(model.conflicts()).containsExactly("acme-reports");
    assertThat(model.roleBindings()).allSatisfy(rb -> assertThat(rb.getMetadata().getNamespace())
        .isEqualTo("acme-analytics"));
  }

  @Test
  void theDefaultNamespaceIsNamedAfterTheTenant() {
    Tenant tenant = acme();
    tenant.getSpec().setNamespaces(List.of());

    assertThat(model(tenant, Map.of()).namespaces()).containsExactly("acme");
  }

  private static TenantModel model(Tenant tenant, Map<String, Optional<Namespace>> existing) {
    return new TenantModel(tenant, CONFIG, existing);
  }

  private static Namespace namespace(String name, Map<String, String> labels) {
    return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
  }

  private static Tenant acme() {
    Tenant tenant = new Tenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName("acme").withUid("a1b2c3d4-0000-4000-8000-000000000001")
        .withGeneration(2L).build());
    TenantSpec spec = new TenantSpec();
    spec.setNamespaces(List.of("acme-analytics", "acme-reports"));
    spec.setMembers(List.of(Tenants.member(MemberKind.Group, "acme-admins", TenantRole.ADMIN),
        Tenants.member(MemberKind.User, "alice@acme.io", TenantRole.EDITOR),
        Tenants.member(MemberKind.User, "bob@acme.io", TenantRole.VIEWER),
        Tenants.member(MemberKind.User, "carol@acme.io", TenantRole.VIEWER)));
    TenantQuota quota = new TenantQuota();
    quota.setMaxDashboards(20);
    quota.setCpu("8");
    quota.setMemory("16Gi");
    quota.setPods(60);
    spec.setQuota(quota);
    ResourceDefaults defaults = new ResourceDefaults();
    defaults.setCpu("250m");
    defaults.setMemory("512Mi");
    spec.setDefaults(defaults);
    tenant.setSpec(spec);
    return tenant;
  }

}
