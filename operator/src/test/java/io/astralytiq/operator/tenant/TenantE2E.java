package io.astralytiq.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.DeletionPolicy;
import io.astralytiq.api.v1alpha1.MemberKind;
import io.astralytiq.api.v1alpha1.TenantRole;
import java.util.List;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantQuota;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.Tenants;
import io.astralytiq.testing.LocalCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the full local control plane: quota admission decides which pods exist, and both deletion policies. */
@ExtendWith(LocalCluster.class)
class TenantE2E {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static OperatorFixture operator;
  private static KubernetesClient client;
  private static DashboardAsserts dashboards;

  @BeforeAll
  static void startOperator(KubernetesClient clusterClient) {
    client = clusterClient;
    operator = OperatorFixture.start(client, Map.of("ALLOW_UNMANAGED_NAMESPACES", "false"));
    dashboards = new DashboardAsserts(client);
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void podsRunForAdmittedDashboardsOnly() {
    String tenant = OperatorFixture.uniqueName("pods");
    Tenant withQuota = Tenants.of(tenant, tenant);
    TenantQuota quota = new TenantQuota();
    quota.setMaxDashboards(1);
    withQuota.getSpec().setQuota(quota);
    client.resource(withQuota).create();
    awaitLabelled(tenant, tenant);
    client.resource(Dashboards.minimal(tenant, "admitted")).create();
    dashboards.awaitCondition(tenant, "admitted", "Ready", "True", "RolledOut");
    client.resource(Dashboards.minimal(tenant, "refused")).create();

    dashboards.awaitCondition(tenant, "refused", TenantConditions.ADMITTED, "False",
        TenantConditions.REASON_QUOTA_EXCEEDED);
    assertThat(client.pods().inNamespace(tenant).list().getItems()).isNotEmpty().allSatisfy(pod ->
        assertThat(pod.getMetadata().getLabels()).containsEntry(Labels.INSTANCE, "admitted"));
    Tenant status = client.resources(Tenant.class).withName(tenant).get();
    assertThat(status.getStatus().getDashboards()).isEqualTo(2);
  }

  @Test
  void retainKeepsTheNamespacesAndTheirContentButRemovesAccessAndPolicies() {
    String tenant = OperatorFixture.uniqueName("retain");
    Tenant retained = Tenants.of(tenant, tenant);
    retained.getSpec().setMembers(List.of(TenantIT.member(MemberKind.User,
        "alice", TenantRole.EDITOR)));
    client.resource(retained).create();
    awaitLabelled(tenant, tenant);
    await("the editor binding").atMost(TIMEOUT).until(() -> client.rbac().roleBindings().inNamespace(tenant)
        .withName(TenantNames.roleBinding(TenantRole.EDITOR)).get() != null);
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("team-data").withNamespace(tenant).endMetadata()
        .addToData("k", "v").build()).create();

    client.resources(Tenant.class).withName(tenant).delete();

    await("the Tenant gone").atMost(TIMEOUT).until(() -> client.resources(Tenant.class).withName(tenant).get() == null);
    await("access and policies removed").atMost(TIMEOUT).until(() -> client.rbac().roleBindings().inNamespace(tenant)
        .withLabel(Labels.MANAGED_BY, Labels.OPERATOR).list().getItems().isEmpty()
        && client.network().v1().networkPolicies().inNamespace(tenant).withName(TenantNames.networkPolicy()).get() == null);
    Namespace kept = client.namespaces().withName(tenant).get();
    assertThat(kept).isNotNull();
    assertThat(kept.getMetadata().getDeletionTimestamp()).isNull();
    assertThat(kept.getMetadata().getLabels()).doesNotContainKey(Labels.TENANT);
    assertThat(client.configMaps().inNamespace(tenant).withName("team-data").get()).isNotNull();
  }

  @Test
  void deleteRemovesTheNamespacesItCreatedButNeverAnAdoptedOne() {
    String tenant = OperatorFixture.uniqueName("delete");
    String adopted = tenant + "-adopted";
    client.resource(new NamespaceBuilder().withNewMetadata().withName(adopted).endMetadata().build()).create();
    Tenant deleting = Tenants.of(tenant, tenant, adopted);
    deleting.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client.resource(deleting).create();
    awaitLabelled(tenant, tenant);
    awaitLabelled(adopted, tenant);

    client.resources(Tenant.class).withName(tenant).delete();

    await("the created namespace deleted").atMost(TIMEOUT).until(() -> {
      Namespace ns = client.namespaces().withName(tenant).get();
      return ns == null || ns.getMetadata().getDeletionTimestamp() != null;
    });
    await("the Tenant gone").atMost(TIMEOUT).until(() -> client.resources(Tenant.class).withName(tenant).get() == null);
    Namespace kept = client.namespaces().withName(adopted).get();
    assertThat(kept.getMetadata().getDeletionTimestamp()).isNull();
    assertThat(kept.getMetadata().getLabels()).doesNotContainKey(Labels.TENANT);
  }

  private static void awaitLabelled(String namespace, String tenant) {
    await("namespace " + namespace + " of tenant " + tenant).atMost(TIMEOUT).until(() -> {
      Namespace ns = client.namespaces().withName(namespace).get();
      return ns != null && tenant.equals(ns.getMetadata().getLabels().get(Labels.TENANT));
    });
  }
}
