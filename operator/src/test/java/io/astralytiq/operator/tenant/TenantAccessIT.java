package io.astralytiq.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.MemberKind;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantRole;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.Tenants;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Members' access proven by impersonation: the client acts as the member, the real API server's RBAC decides,
 * with the tenant ClusterRoles the Helm chart ships.
 */
class TenantAccessIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer();
  private static KubernetesClient admin;
  private static String acme;
  private static String globex;

  @BeforeAll
  static void twoTenantsWithTheirRoles() {
    // The tenant ClusterRoles the chart ships are installed with the operator (ChartTenantRoles).
    admin = operator.client();
    acme = OperatorFixture.uniqueName("acme");
    globex = OperatorFixture.uniqueName("globex");
    Tenant acmeTenant = Tenants.of(acme, acme);
    acmeTenant.getSpec().setMembers(List.of(Tenants.member(MemberKind.User, "vera", TenantRole.VIEWER),
        Tenants.member(MemberKind.User, "eddie", TenantRole.EDITOR), Tenants.member(MemberKind.Group, "acme-admins", TenantRole.ADMIN)));
    admin.resource(acmeTenant).create();
    Tenant globexTenant = Tenants.of(globex, globex);
    globexTenant.getSpec().setMembers(List.of(Tenants.member(MemberKind.User, "gina", TenantRole.EDITOR)));
    admin.resource(globexTenant).create();
    await("role bindings of both tenants").atMost(Duration.ofSeconds(60)).until(() ->
        admin.rbac().roleBindings().inNamespace(acme).withName(TenantNames.roleBinding(TenantRole.ADMIN)).get() != null
            && admin.rbac().roleBindings().inNamespace(globex).withName(TenantNames.roleBinding(TenantRole.EDITOR))
            .get() != null);
  }

  @Test
  void aViewerCanListDashboardsButIsForbiddenToCreateOne() {
    try (KubernetesClient vera = as("vera")) {
      assertThat(vera.resources(Dashboard.class).inNamespace(acme).list().getItems()).isNotNull();
      assertForbidden(() -> vera.resource(Dashboards.minimal(acme, "by-viewer")).create());
    }
  }

  @Test
  void anEditorCanCreateADashboardButNotReadSecrets() {
    try (KubernetesClient eddie = as("eddie")) {
      assertThat(eddie.resource(Dashboards.minimal(acme, "by-editor")).create().getMetadata().getUid()).isNotBlank();
      assertForbidden(() -> eddie.secrets().inNamespace(acme).list());
    }
  }

  @Test
  void anAdminManagesSecretsAndBindingsButCannotChangeTheTenant() {
    try (KubernetesClient admins = as("ada", "acme-admins")) {
      assertThat(admins.secrets().inNamespace(acme).list().getItems()).isNotNull();
      assertThat(admins.rbac().roleBindings().inNamespace(acme).list().getItems()).isNotEmpty();
      assertForbidden(() -> admins.resources(Tenant.class).withName(acme).edit(t -> {
        t.getSpec().setNamespaces(List.of(acme, globex));
        return t;
      }));
      assertForbidden(() -> admins.rbac().clusterRoleBindings().list());
    }
  }

  @Test
  void aMemberOfOneTenantIsForbiddenInAnothersNamespaces() {
    try (KubernetesClient gina = as("gina")) {
      assertThat(gina.resources(Dashboard.class).inNamespace(globex).list().getItems()).isNotNull();
      assertForbidden(() -> gina.resources(Dashboard.class).inNamespace(acme).list());
      assertForbidden(() -> gina.resource(Dashboards.minimal(acme, "intruder")).create());
    }
  }

  @Test
  void aRemovedMemberIsForbiddenAfterTheNextReconcile() {
    String name = OperatorFixture.uniqueName("leaving");
    Tenant tenant = Tenants.of(name, name);
    tenant.getSpec().setMembers(List.of(Tenants.member(MemberKind.User, "lee", TenantRole.VIEWER),
        Tenants.member(MemberKind.User, "stays", TenantRole.VIEWER)));
    admin.resource(tenant).create();
    try (KubernetesClient lee = as("lee")) {
      await("lee can list").atMost(Duration.ofSeconds(60)).ignoreExceptions()
          .until(() -> lee.resources(Dashboard.class).inNamespace(name).list() != null);

      Tenants.edit(admin, name, t -> {
        t.getSpec().setMembers(List.of(Tenants.member(MemberKind.User, "stays", TenantRole.VIEWER)));
        return t;
      });

      await("lee forbidden").atMost(Duration.ofSeconds(60)).until(() -> {
        try {
          lee.resources(Dashboard.class).inNamespace(name).list();
          return false;
        } catch (KubernetesClientException e) {
          return e.getCode() == 403;
        }
      });
    }
  }

  private static KubernetesClient as(String user, String... groups) {
    return new KubernetesClientBuilder().withConfig(new ConfigBuilder(admin.getConfiguration())
        .withImpersonateUsername(user).withImpersonateGroups(groups).build()).build();
  }

  private static void assertForbidden(Runnable action) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(KubernetesClientException.class,
        e -> assertThat(e.getCode()).isEqualTo(403));
  }
}
