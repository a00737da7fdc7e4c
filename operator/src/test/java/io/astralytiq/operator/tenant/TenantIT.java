package io.astralytiq.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.MemberKind;
import io.astralytiq.api.v1alpha1.ResourceDefaults;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantQuota;
import io.astralytiq.api.v1alpha1.TenantRole;
import io.astralytiq.operator.common.Conditions;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.Tenants;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Tenant against a real API server: its namespaces, member access, quota, defaults, isolation and status. */
class TenantIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer();

  @Test
  void createsItsNamespacesWithAccessQuotaDefaultsAndIsolation() {
    String name = OperatorFixture.uniqueName("acme");
    Tenant tenant = Tenants.of(name, name + "-analytics", name + "-reports");
    tenant.getSpec().setMembers(List.of(Tenants.member(MemberKind.Group, "admins", TenantRole.ADMIN),
        Tenants.member(MemberKind.User, "alice", TenantRole.EDITOR)));
    TenantQuota quota = new TenantQuota();
    quota.setCpu("4");
    quota.setPods(20);
    tenant.getSpec().setQuota(quota);
    ResourceDefaults defaults = new ResourceDefaults();
    defaults.setMemory("256Mi");
    tenant.getSpec().setDefaults(defaults);
    operator.client().resource(tenant).create();

    Tenant ready = awaitCondition(name, TenantConditions.READY, "True");
    assertThat(ready.getStatus().getNamespaces()).containsExactly(name + "-analytics", name + "-reports");
    for (String namespace : ready.getStatus().getNamespaces()) {
      Namespace ns = operator.client().namespaces().withName(namespace).get();
      assertThat(ns.getMetadata().getLabels()).containsEntry(Labels.TENANT, name);
      assertThat(ns.getMetadata().getAnnotations()).containsEntry(Labels.CREATED_FOR_TENANT, name);
      assertThat(ns.getMetadata().getOwnerReferences()).isNullOrEmpty();
      assertThat(roleBinding(namespace, TenantRole.ADMIN).getSubjects()).extracting("name").containsExactly("admins");
      assertThat(roleBinding(namespace, TenantRole.EDITOR).getSubjects()).extracting("name").containsExactly("alice");
      assertThat(roleBinding(namespace, TenantRole.VIEWER)).as("a role without members is not bound").isNull();
      assertThat(operator.client().resourceQuotas().inNamespace(namespace).withName(TenantNames.resourceQuota()).get()
          .getSpec().getHard()).containsOnlyKeys("requests.cpu", "pods");
      assertThat(operator.client().limitRanges().inNamespace(namespace).withName(TenantNames.limitRange()).get()).isNotNull();
      assertThat(operator.client().network().v1().networkPolicies().inNamespace(namespace).withName(TenantNames.networkPolicy())
          .get()).isNotNull();
    }
  }

  @Test
  void adoptsANamespaceOfNoTenantAndLeavesOneOfAnotherTenantAlone() {
    String first = OperatorFixture.uniqueName("first");
    String second = OperatorFixture.uniqueName("second");
    String existing = OperatorFixture.uniqueName("existing");
    operator.client().resource(new NamespaceBuilder().withNewMetadata().withName(existing).endMetadata().build()).create();
    operator.client().resource(Tenants.of(first, existing)).create();
    awaitCondition(first, TenantConditions.READY, "True");

    operator.client().resource(Tenants.of(second, existing, second)).create();

    Condition conflict = awaitCondition(second, TenantConditions.CONFLICT, "True").getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(TenantConditions.CONFLICT)).findFirst().orElseThrow();
    assertThat(conflict.getReason()).isEqualTo(TenantConditions.REASON_NAMESPACE_OWNED_ELSEWHERE);
    assertThat(conflict.getMessage()).contains(existing);
    Namespace adopted = operator.client().namespaces().withName(existing).get();
    assertThat(adopted.getMetadata().getLabels()).containsEntry(Labels.TENANT, first);
    assertThat(adopted.getMetadata().getAnnotations()).doesNotContainKey(Labels.CREATED_FOR_TENANT);
    assertThat(tenant(second).getStatus().getNamespaces()).containsExactly(second);
  }

  @Test
  void aMembershipChangeTakesEffectOnTheNextReconcile() {
    String name = OperatorFixture.uniqueName("members");
    Tenant tenant = Tenants.of(name, name);
    tenant.getSpec().setMembers(List.of(Tenants.member(MemberKind.User, "alice", TenantRole.EDITOR),
        Tenants.member(MemberKind.User, "bob", TenantRole.VIEWER)));
    operator.client().resource(tenant).create();
    awaitPresent("the viewer binding", () -> roleBinding(name, TenantRole.VIEWER));

    Tenants.edit(operator.client(), name, t -> {
      t.getSpec().setMembers(List.of(Tenants.member(MemberKind.User, "alice", TenantRole.VIEWER)));
      return t;
    });

    await("bob removed and alice a viewer").atMost(TIMEOUT).until(() -> {
      RoleBinding viewers = roleBinding(name, TenantRole.VIEWER);
      return viewers != null && viewers.getSubjects().size() == 1
          && viewers.getSubjects().get(0).getName().equals("alice") && roleBinding(name, TenantRole.EDITOR) == null;
    });
  }

  private static Tenant tenant(String name) {
    return operator.client().resources(Tenant.class).withName(name).get();
  }

  private static RoleBinding roleBinding(String namespace, TenantRole role) {
    return operator.client().rbac().roleBindings().inNamespace(namespace).withName(TenantNames.roleBinding(role)).get();
  }

  private static <T> T awaitPresent(String what, Callable<T> read) {
    return await(what).atMost(TIMEOUT).until(read, java.util.Objects::nonNull);
  }

  private static Tenant awaitCondition(String name, String type, String status) {
    return await("tenant " + name + " " + type + "=" + status).atMost(TIMEOUT).until(() -> tenant(name),
        t -> t != null && t.getStatus() != null && Conditions.find(t.getStatus().getConditions(), type)
            .map(c -> status.equals(c.getStatus())).orElse(false));
  }
}
