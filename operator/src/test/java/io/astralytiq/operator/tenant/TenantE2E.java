package io.astralytiq.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.DeletionPolicy;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.MemberKind;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantRole;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.Tenants;
import io.astralytiq.testing.SimulatedPods;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In the full local control plane: quota admission decides which pods exist, and both deletion policies. */
class TenantE2E {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onLocalCluster(Map.of("ALLOW_UNMANAGED_NAMESPACES", "false"));

  @Test
  void podsRunForAdmittedDashboardsOnly() {
    String tenant = OperatorFixture.uniqueName("pods");
    operator.client().resource(Tenants.withMaxDashboards(tenant, 1, tenant)).create();
    awaitLabelled(tenant, tenant);
    operator.client().resource(Dashboards.minimal(tenant, "admitted")).create();
    operator.dashboards().awaitCondition(tenant, "admitted", "Ready", "True", "RolledOut");
    operator.client().resource(Dashboards.minimal(tenant, "refused")).create();

    operator.dashboards().awaitCondition(tenant, "refused", TenantConditions.ADMITTED, "False",
        TenantConditions.REASON_QUOTA_EXCEEDED);
    assertThat(operator.client().pods().inNamespace(tenant).list().getItems()).isNotEmpty().allSatisfy(pod ->
        assertThat(pod.getMetadata().getLabels()).containsEntry(Labels.INSTANCE, "admitted"));
    Tenant status = operator.client().resources(Tenant.class).withName(tenant).get();
    assertThat(status.getStatus().getDashboards()).isEqualTo(2);
  }

  @Test
  void retainKeepsTheNamespacesAndTheirContentButRemovesAccessAndPolicies() {
    String tenant = OperatorFixture.uniqueName("retain");
    Tenant retained = Tenants.of(tenant, tenant);
    retained.getSpec().setMembers(List.of(Tenants.member(MemberKind.User,
        "alice", TenantRole.EDITOR)));
    operator.client().resource(retained).create();
    awaitLabelled(tenant, tenant);
    await("the editor binding").atMost(TIMEOUT).until(() -> operator.client().rbac().roleBindings().inNamespace(tenant)
        .withName(TenantNames.roleBinding(TenantRole.EDITOR)).get() != null);
    operator.client().resource(new ConfigMapBuilder().withNewMetadata().withName("team-data").withNamespace(tenant).endMetadata()
        .addToData("k", "v").build()).create();

    operator.client().resources(Tenant.class).withName(tenant).delete();

    await("the Tenant gone").atMost(TIMEOUT).until(() -> operator.client().resources(Tenant.class).withName(tenant).get() == null);
    await("access and policies removed").atMost(TIMEOUT).until(() -> operator.client().rbac().roleBindings().inNamespace(tenant)
        .withLabel(Labels.MANAGED_BY, Labels.OPERATOR).list().getItems().isEmpty()
        && operator.client().network().v1().networkPolicies().inNamespace(tenant).withName(TenantNames.networkPolicy()).get() == null);
    Namespace kept = operator.client().namespaces().withName(tenant).get();
    assertThat(kept).isNotNull();
    assertThat(kept.getMetadata().getDeletionTimestamp()).isNull();
    assertThat(kept.getMetadata().getLabels()).doesNotContainKey(Labels.TENANT);
    assertThat(operator.client().configMaps().inNamespace(tenant).withName("team-data").get()).isNotNull();
  }

  @Test
  void deleteRemovesTheNamespacesItCreatedButNeverAnAdoptedOne() {
    String tenant = OperatorFixture.uniqueName("delete");
    String adopted = tenant + "-adopted";
    operator.client().resource(new NamespaceBuilder().withNewMetadata().withName(adopted).endMetadata().build()).create();
    Tenant deleting = Tenants.of(tenant, tenant, adopted);
    deleting.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    operator.client().resource(deleting).create();
    awaitLabelled(tenant, tenant);
    awaitLabelled(adopted, tenant);

    operator.client().resources(Tenant.class).withName(tenant).delete();

    await("the created namespace deleted").atMost(TIMEOUT).until(() -> {
      Namespace ns = operator.client().namespaces().withName(tenant).get();
      return ns == null || ns.getMetadata().getDeletionTimestamp() != null;
    });
    await("the Tenant gone").atMost(TIMEOUT).until(() -> operator.client().resources(Tenant.class).withName(tenant).get() == null);
    Namespace kept = operator.client().namespaces().withName(adopted).get();
    assertThat(kept.getMetadata().getDeletionTimestamp()).isNull();
    assertThat(kept.getMetadata().getLabels()).doesNotContainKey(Labels.TENANT);
  }

  /** Waits for the tenant's namespace, then sends its pods to the kwok nodes (the simulated tier). */
  private static void awaitLabelled(String namespace, String tenant) {
    await("namespace " + namespace + " of tenant " + tenant).atMost(TIMEOUT).until(() -> {
      Namespace ns = operator.client().namespaces().withName(namespace).get();
      return ns != null && tenant.equals(ns.getMetadata().getLabels().get(Labels.TENANT));
    });
    SimulatedPods.in(operator.client(), namespace);
  }
}
