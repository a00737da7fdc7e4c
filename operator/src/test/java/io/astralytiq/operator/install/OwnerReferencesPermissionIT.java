package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.MemberKind;
import io.astralytiq.api.v1alpha1.TenantMember;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantRole;
import io.astralytiq.operator.common.OperatorMetrics;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.Tenants;
import io.astralytiq.testing.Project;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clusters that enforce OwnerReferencesPermissionEnforcement (OpenShift does) let only who may update an owner's
 * finalizers set blockOwnerDeletion on a reference to it, and the operator sets it on every child. The chart grants
 * update on dashboards/finalizers and tenants/finalizers for that: proved here on an API server of this class's own,
 * with the admission plugin on.
 */
class OwnerReferencesPermissionIT {

  private static KubeAPIServer server;
  private static KubernetesClient admin;
  private static ChartInstall install;
  private static ImpersonatedOperator operator;

  @BeforeAll
  static void startAnApiServerEnforcingOwnerReferencePermissions() {
    Helm helm = Helm.pinned();
    Assumptions.assumeTrue(Files.isExecutable(Project.testBinaries().resolve("kube-apiserver")),
        "no kube-apiserver in " + Project.testBinaries() + ": run hack/ensure-test-binaries");
    server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
        .withApiServerVersion(Project.kubernetesVersion()).withOfflineMode(true).withUpdateKubeConfig(false)
        .withApiServerFlag("--enable-admission-plugins", "OwnerReferencesPermissionEnforcement")
        .build());
    server.start();
    admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(server.getKubeConfigYaml())).build();
    String releaseNamespace = OperatorFixture.uniqueName("astralytiq-system");
    admin.resource(new NamespaceBuilder().withNewMetadata().withName(releaseNamespace).endMetadata().build()).create();
    install = ChartInstall.apply(admin, helm, releaseNamespace,
        Map.of("operator.runtimeImage", OperatorFixture.RUNTIME_IMAGE));
    operator = ImpersonatedOperator.start(admin, install.serviceAccountUser(), install.operatorSettings());
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void theOperatorMakesTheChildrenOfTenantsAndDashboardsWithTheChartsRole() {
    String name = OperatorFixture.uniqueName("owned");
    var tenant = Tenants.of(name, name);
    tenant.getSpec().setMembers(List.of(member()));
    admin.resource(tenant).create();
    DashboardAsserts dashboards = new DashboardAsserts(admin);
    dashboards.awaitPresent("the tenant's RoleBinding (owned by the Tenant)", () -> admin.rbac().roleBindings()
        .inNamespace(name).withName(TenantNames.roleBinding(TenantRole.VIEWER)).get());
    Awaitility.await("namespace of tenant " + name).atMost(DashboardAsserts.TIMEOUT).until(() -> {
      Namespace ns = admin.namespaces().withName(name).get();
      return ns != null && name.equals(ns.getMetadata().getLabels().get(Labels.TENANT));
    });

    Dashboard dashboard = admin.resource(Dashboards.minimal(name, "sales")).create();

    dashboards.awaitPresent("the Deployment (owned by the Dashboard)", () -> admin.apps().deployments()
        .inNamespace(name).withName(DashboardNames.deployment(dashboard)).get());
    assertThat(operator.forbiddenRequests()).as("requests of the operator refused").isEmpty();
  }

  @Test
  void withoutTheFinalizersRulesSettingBlockOwnerDeletionIsRefused() {
    String namespace = OperatorFixture.uniqueName("blocked");
    admin.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
    Dashboard dashboard = admin.resource(Dashboards.minimal(namespace, "sales")).create();
    String lacking = accountWithoutFinalizerRules(namespace);

    try (KubernetesClient asLacking = ImpersonatedOperator.impersonating(admin, lacking, new OperatorMetrics(),
        new ForbiddenRequests());
        KubernetesClient asOperator = ImpersonatedOperator.impersonating(admin, install.serviceAccountUser(),
            new OperatorMetrics(), new ForbiddenRequests())) {
      assertThatThrownBy(() -> asLacking.resource(ownedConfigMap(dashboard, "refused")).create())
          .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(403);
            assertThat(e.getMessage()).contains("blockOwnerDeletion");
          });
      assertThat(asOperator.resource(ownedConfigMap(dashboard, "allowed")).create()).isNotNull();
    }
  }

  /** A ServiceAccount bound to the chart's ClusterRole minus its rules on finalizers; returns its user name. */
  private static String accountWithoutFinalizerRules(String namespace) {
    ClusterRole full = install.rendered().all(ClusterRole.class).stream()
        .filter(r -> !r.getMetadata().getName().startsWith("astralytiq-tenant-")).findFirst().orElseThrow();
    String name = "no-finalizers-" + namespace;
    admin.resource(new ClusterRoleBuilder().withNewMetadata().withName(name).endMetadata()
        .withRules(full.getRules().stream().filter(r -> r.getResources().stream().noneMatch(
            res -> res.endsWith("/finalizers"))).toList()).build()).create();
    admin.resource(new ServiceAccountBuilder().withNewMetadata().withName("no-finalizers").withNamespace(namespace)
        .endMetadata().build()).create();
    admin.resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", name)
        .addNewSubject().withKind("ServiceAccount").withName("no-finalizers").withNamespace(namespace).endSubject()
        .build()).create();
    return ImpersonatedOperator.serviceAccountUser(namespace, "no-finalizers");
  }

  private static ConfigMap ownedConfigMap(Dashboard owner, String name) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(owner.getMetadata().getNamespace())
        .addNewOwnerReference().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
        .withBlockOwnerDeletion(true).endOwnerReference().endMetadata().addToData("k", "v").build();
  }

  private static TenantMember member() {
    TenantMember member = new TenantMember();
    member.setKind(MemberKind.User);
    member.setName("bob");
    member.setRole(TenantRole.VIEWER);
    return member;
  }
}
