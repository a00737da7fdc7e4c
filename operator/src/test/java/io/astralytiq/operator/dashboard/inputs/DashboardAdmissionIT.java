package io.astralytiq.operator.dashboard.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.operator.common.Conditions;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.Tenants;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dashboards run only within their tenant's policy; a refused one gets no pods and a condition saying why. */
class DashboardAdmissionIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer(Map.of("ALLOW_UNMANAGED_NAMESPACES", "false"));

  @Test
  void aDashboardInANamespaceOfNoTenantIsRefused() {
    String namespace = operator.namespace("no-tenant");
    operator.client().resource(Dashboards.minimal(namespace, "orders")).create();

    Condition admitted = operator.dashboards().awaitCondition(namespace, "orders", TenantConditions.ADMITTED, "False",
        TenantConditions.REASON_NO_TENANT);
    assertThat(admitted.getMessage()).contains(namespace);
    operator.dashboards().awaitEvent(namespace, "orders", "Warning", TenantConditions.REASON_NO_TENANT);
    assertThat(operator.client().apps().deployments().inNamespace(namespace).withName("orders").get()).isNull();
  }

  @Test
  void beyondTheQuotaTheNewestAreRefusedUntilTheQuotaGrows() {
    String tenant = OperatorFixture.uniqueName("quota");
    createTenant(Tenants.withMaxDashboards(tenant, 2, tenant));
    for (String name : List.of("first", "second", "third")) {
      operator.client().resource(Dashboards.minimal(tenant, name)).create();
      operator.dashboards().awaitPresent(name + " reconciled", () -> {
        Dashboard d = operator.dashboards().get(tenant, name);
        return d.getStatus() != null ? d : null;
      });
    }

    Condition refused = operator.dashboards().awaitCondition(tenant, "third", TenantConditions.ADMITTED, "False",
        TenantConditions.REASON_QUOTA_EXCEEDED);
    assertThat(refused.getMessage()).contains("allows 2 dashboard(s)");
    operator.dashboards().awaitCondition(tenant, "first", TenantConditions.ADMITTED, "True", TenantConditions.REASON_ADMITTED);
    operator.dashboards().awaitCondition(tenant, "second", TenantConditions.ADMITTED, "True", TenantConditions.REASON_ADMITTED);
    assertThat(operator.client().apps().deployments().inNamespace(tenant).withName("third").get()).isNull();

    Tenants.edit(operator.client(), tenant, t -> {
      t.getSpec().getQuota().setMaxDashboards(3);
      return t;
    });

    operator.dashboards().awaitCondition(tenant, "third", TenantConditions.ADMITTED, "True", TenantConditions.REASON_ADMITTED);
    operator.dashboards().awaitPresent("the third Deployment", () -> operator.client().apps().deployments().inNamespace(tenant)
        .withName("third").get());
  }

  @Test
  void aDashboardDeletedMakesRoomForTheNextOne() {
    String tenant = OperatorFixture.uniqueName("room");
    createTenant(Tenants.withMaxDashboards(tenant, 1, tenant));
    operator.client().resource(Dashboards.minimal(tenant, "old")).create();
    operator.dashboards().awaitCondition(tenant, "old", TenantConditions.ADMITTED, "True", TenantConditions.REASON_ADMITTED);
    operator.client().resource(Dashboards.minimal(tenant, "new")).create();
    operator.dashboards().awaitCondition(tenant, "new", TenantConditions.ADMITTED, "False", TenantConditions.REASON_QUOTA_EXCEEDED);

    operator.client().resources(Dashboard.class).inNamespace(tenant).withName("old").delete();

    operator.dashboards().awaitCondition(tenant, "new", TenantConditions.ADMITTED, "True", TenantConditions.REASON_ADMITTED);
  }

  @Test
  void aRunningDashboardThatFallsOutOfPolicyKeepsItsLastAdmittedVersionAndSaysSo() {
    String tenant = OperatorFixture.uniqueName("shrink");
    createTenant(Tenants.withMaxDashboards(tenant, 1, tenant));
    operator.client().resource(Dashboards.minimal(tenant, "running")).create();
    var deployment = operator.dashboards().awaitPresent("the Deployment", () -> operator.client().apps()
        .deployments().inNamespace(tenant).withName("running").get());

    Tenants.edit(operator.client(), tenant, t -> {
      t.getSpec().getQuota().setMaxDashboards(0);
      return t;
    });

    Condition refused = operator.dashboards().awaitCondition(tenant, "running", TenantConditions.ADMITTED, "False",
        TenantConditions.REASON_QUOTA_EXCEEDED);
    assertThat(refused.getMessage()).contains("allows 0 dashboard(s)");
    Dashboard now = operator.dashboards().get(tenant, "running");
    assertThat(now.getStatus().getPhase()).isEqualTo(DashboardPhase.Degraded);
    assertThat(Conditions.find(now.getStatus().getConditions(), "Ready").orElseThrow()
        .getMessage()).contains("the last accepted version keeps running");
    assertThat(operator.client().apps().deployments().inNamespace(tenant).withName("running").get().getSpec()
        .getTemplate()).as("still running, unchanged").isEqualTo(deployment.getSpec().getTemplate());
  }

  @Test
  void anImageFromARegistryTheTenantDoesNotAllowIsRefused() {
    String tenant = OperatorFixture.uniqueName("images");
    Tenant withPolicy = Tenants.of(tenant, tenant);
    ImagePolicy policy = new ImagePolicy();
    policy.setAllowedRegistries(List.of("registry.acme.io"));
    withPolicy.getSpec().setImagePolicy(policy);
    createTenant(withPolicy);
    operator.client().resource(withImage(Dashboards.minimal(tenant, "allowed"), "registry.acme.io/data/app:1")).create();
    operator.client().resource(withImage(Dashboards.minimal(tenant, "foreign"), "docker.io/someone/app:1")).create();

    Condition refused = operator.dashboards().awaitCondition(tenant, "foreign", TenantConditions.ADMITTED, "False",
        TenantConditions.REASON_IMAGE_NOT_ALLOWED);
    assertThat(refused.getMessage()).contains("docker.io/someone/app:1").contains("registry.acme.io");
    operator.dashboards().awaitPresent("the allowed Deployment", () -> operator.client().apps().deployments().inNamespace(tenant)
        .withName("allowed").get());
    assertThat(operator.client().apps().deployments().inNamespace(tenant).withName("foreign").get()).isNull();
  }

  private static Dashboard withImage(Dashboard dashboard, String image) {
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage(image);
    dashboard.getSpec().setRuntime(runtime);
    return dashboard;
  }

  /** Creates the tenant and waits until its namespace is labelled for it. */
  private static void createTenant(Tenant tenant) {
    operator.client().resource(tenant).create();
    operator.dashboards().awaitPresent("the tenant's namespace", () -> labelled(tenant.getMetadata().getName()));
  }

  private static Namespace labelled(String name) {
    Namespace ns = operator.client().namespaces().withName(name).get();
    return ns != null && name.equals(ns.getMetadata().getLabels().get("astralytiq.io/tenant")) ? ns : null;
  }
}
