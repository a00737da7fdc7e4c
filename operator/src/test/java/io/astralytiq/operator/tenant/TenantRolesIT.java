package io.astralytiq.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.MemberKind;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantRole;
import io.astralytiq.operator.testing.ChartTenantRoles;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.Tenants;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Tenant whose members' RoleBindings point at a ClusterRole that does not exist grants them nothing: it is not
 * Ready, names the role, and turns Ready by itself once the role is installed. On an API server of its own, since
 * the test deletes a role every other test's tenants need.
 */
class TenantRolesIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onIsolatedApiServer(Map.of());

  @Test
  void aMissingTenantRoleIsReportedAndTheTenantRecoversWhenItIsInstalled() {
    String editor = TenantNames.clusterRole(TenantRole.EDITOR);
    operator.client().rbac().clusterRoles().withName(editor).withTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
        .delete();
    String name = OperatorFixture.uniqueName("roles");
    Tenant tenant = Tenants.of(name, name);
    tenant.getSpec().setMembers(List.of(Tenants.member(MemberKind.User, "eddie", TenantRole.EDITOR),
        Tenants.member(MemberKind.User, "vera", TenantRole.VIEWER)));
    operator.client().resource(tenant).create();

    Condition ready = awaitReady(name, "False");
    assertThat(ready.getReason()).isEqualTo(TenantConditions.REASON_CLUSTER_ROLE_NOT_FOUND);
    assertThat(ready.getMessage()).contains("ClusterRole(s) " + editor + ", which do not exist")
        .doesNotContain(TenantNames.clusterRole(TenantRole.VIEWER));
    assertThat(operator.client().rbac().roleBindings().inNamespace(name)
        .withName(TenantNames.roleBinding(TenantRole.EDITOR)).get()).as("the binding is made all the same").isNotNull();
    await("a Warning Event naming the reason").atMost(TIMEOUT).until(() -> events(name).stream()
        .anyMatch(e -> "Warning".equals(e.getType())
            && TenantConditions.REASON_CLUSTER_ROLE_NOT_FOUND.equals(e.getReason())));

    ChartTenantRoles.install(operator.client());

    assertThat(awaitReady(name, "True").getReason()).isEqualTo(TenantConditions.REASON_RECONCILED);
  }

  private static Condition awaitReady(String name, String status) {
    return Tenants.awaitReady(operator.client(), name, status, TIMEOUT);
  }

  private static List<Event> events(String tenant) {
    return Tenants.events(operator.client(), tenant);
  }
}
