package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantQuota;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.Tenants;
import io.astralytiq.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Dashboards run only within their tenant's policy; a refused one gets no pods and a condition saying why. */
@ExtendWith(RealApiServer.class)
class DashboardAdmissionIT {

  private static OperatorFixture operator;
  private static KubernetesClient client;
  private static DashboardAsserts dashboards;

  @BeforeAll
  static void startOperator(KubernetesClient apiClient) {
    client = apiClient;
    operator = OperatorFixture.start(client, Map.of("ALLOW_UNMANAGED_NAMESPACES", "false"));
    dashboards = new DashboardAsserts(client);
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void aDashboardInANamespaceOfNoTenantIsRefused() {
    String namespace = operator.namespace("no-tenant");
    client.resource(Dashboards.minimal(namespace, "orders")).create();

    Condition admitted = dashboards.awaitCondition(namespace, "orders", TenantConditions.ADMITTED, "False",
        TenantConditions.REASON_NO_TENANT);
    assertThat(admitted.getMessage()).contains(namespace);
    dashboards.awaitEvent(namespace, "orders", "Warning", TenantConditions.REASON_NO_TENANT);
    assertThat(client.apps().deployments().inNamespace(namespace).withName("orders").get()).isNull();
  }

  @Test
  void beyondTheQuotaTheNewestAreRefusedUntilTheQuotaGrows() {
    String tenant = OperatorFixture.uniqueName("quota");
    Tenant withQuota = Tenants.of(tenant, tenant);
    TenantQuota quota = new TenantQuota();
    quota.setMaxDashboards(2);
    withQuota.getSpec().setQuota(quota);
    client.resource(withQuota).create();
    dashboards.awaitPresent("the tenant's namespace", () -> labelled(tenant));
    for (String name : List.of("first", "second", "third")) {
      client.resource(Dashboards.minimal(tenant, name)).create();
      dashboards.awaitPresent(name + " reconciled", () -> {
        Dashboard d = dashboards.get(tenant, name);
        return d.getStatus() != null ? d : null;
      });
    }

    Condition refused = dashboards.awaitCondition(tenant, "third", TenantConditions.ADMITTED, "False",
        TenantConditions.REASON_QUOTA_EXCEEDED);
    assertThat(refused.getMessage()).contains("allows 2 dashboard(s)");
    dashboards.awaitCondition(tenant, "first", TenantConditions.ADMITTED, "True", TenantConditions.REASON_ADMITTED);
    dashboards.awaitCondition(tenant, "second", TenantConditions.ADMITTED, "True", TenantConditions.REASON_ADMITTED);
    assertThat(client.apps().deployments().inNamespace(tenant).withName("third").get()).isNull();

    client.resources(Tenant.class).withName(tenant).edit(t -> {
      t.getSpec().getQuota().setMaxDashboards(3);
      return t;
    });

    dashboards.awaitCondition(tenant, "third", TenantConditions.ADMITTED, "True", TenantConditions.REASON_ADMITTED);
    dashboards.awaitPresent("the third Deployment", () -> client.apps().deployments().inNamespace(tenant)
        .withName("third").get());
  }

  @Test
  void aDashboardDeletedMakesRoomForTheNextOne() {
    String tenant = OperatorFixture.uniqueName("room");
    Tenant withQuota = Tenants.of(tenant, tenant);
    TenantQuota quota = new TenantQuota();
    quota.setMaxDashboards(1);
    withQuota.getSpec().setQuota(quota);
    client.resource(withQuota).create();
    dashboards.awaitPresent("the tenant's namespace", () -> labelled(tenant));
    client.resource(Dashboards.minimal(tenant, "old")).create();
    dashboards.awaitCondition(tenant, "old", TenantConditions.ADMITTED, "True", TenantConditions.REASON_ADMITTED);
    client.resource(Dashboards.minimal(tenant, "new")).create();
    dashboards.awaitCondition(tenant, "new", TenantConditions.ADMITTED, "False", TenantConditions.REASON_QUOTA_EXCEEDED);

    client.resources(Dashboard.class).inNamespace(tenant).withName("old").delete();

    dashboards.awaitCondition(tenant, "new", TenantConditions.ADMITTED, "True", TenantConditions.REASON_ADMITTED);
  }

  @Test
  void anImageFromARegistryTheTenantDoesNotAllowIsRefused() {
    String tenant = OperatorFixture.uniqueName("images");
    Tenant withPolicy = Tenants.of(tenant, tenant);
    ImagePolicy policy = new ImagePolicy();
    policy.setAllowedRegistries(List.of("registry.acme.io"));
    withPolicy.getSpec().setImagePolicy(policy);
    client.resource(withPolicy).create();
    dashboards.awaitPresent("the tenant's namespace", () -> labelled(tenant));
    client.resource(withImage(Dashboards.minimal(tenant, "allowed"), "registry.acme.io/data/app:1")).create();
    client.resource(withImage(Dashboards.minimal(tenant, "foreign"), "docker.io/someone/app:1")).create();

    Condition refused = dashboards.awaitCondition(tenant, "foreign", TenantConditions.ADMITTED, "False",
        TenantConditions.REASON_IMAGE_NOT_ALLOWED);
    assertThat(refused.getMessage()).contains("docker.io/someone/app:1").contains("registry.acme.io");
    dashboards.awaitPresent("the allowed Deployment", () -> client.apps().deployments().inNamespace(tenant)
        .withName("allowed").get());
    assertThat(client.apps().deployments().inNamespace(tenant).withName("foreign").get()).isNull();
  }

  private static Dashboard withImage(Dashboard dashboard, String image) {
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage(image);
    dashboard.getSpec().setRuntime(runtime);
    return dashboard;
  }

  private static Namespace labelled(String name) {
    Namespace ns = client.namespaces().withName(name).get();
    return ns != null && name.equals(ns.getMetadata().getLabels().get("astralytiq.io/tenant")) ? ns : null;
  }
}
