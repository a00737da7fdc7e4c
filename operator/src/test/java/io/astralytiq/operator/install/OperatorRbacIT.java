package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.api.v1alpha1.AutoscalingSpec;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.DataVolume;
import io.astralytiq.api.v1alpha1.DataVolumeSource;
import io.astralytiq.api.v1alpha1.DefinitionRef;
import io.astralytiq.api.v1alpha1.DeletionPolicy;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.MemberKind;
import io.astralytiq.api.v1alpha1.ResourceDefaults;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantQuota;
import io.astralytiq.api.v1alpha1.TenantRole;
import io.astralytiq.operator.common.Conditions;
import io.astralytiq.operator.common.OperatorMetrics;
import io.astralytiq.operator.install.Helm.Rendered;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.Tenants;
import io.astralytiq.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chart's RBAC is all the operator needs and no more, proved against a real API server: the chart is rendered
 * with the pinned helm, its ServiceAccount, roles and bindings are applied, and the operator runs in this JVM with
 * a client impersonating that ServiceAccount. No request of the operator may be refused, and what it must never do
 * is refused.
 */
@ExtendWith(RealApiServer.class)
class OperatorRbacIT {

  private static final String FIELD_MANAGER = "astralytiq-tests";
  /** Tenants this class made, removed after it. */
  private static final List<String> TENANTS = new CopyOnWriteArrayList<>();

  private static KubernetesClient admin;
  private static String releaseNamespace;
  private static Rendered chart;
  private static String leaseNamespace;
  private static String operatorUser;
  private static ImpersonatedOperator operator;
  private static DashboardAsserts dashboards;

  @BeforeAll
  static void installTheChartsRbacAndStartTheOperatorAsItsServiceAccount(KubernetesClient client) {
    Helm helm = Helm.pinned();
    admin = client;
    releaseNamespace = createNamespace("astralytiq-system");
    // Two replicas: the high-availability install, which also renders the leader-election Role.
    ChartInstall install = ChartInstall.apply(admin, helm, releaseNamespace, Map.of("replicaCount", "2",
        "operator.runtimeImage", OperatorFixture.RUNTIME_IMAGE, "operator.reconcileConcurrency", "4"));
    chart = install.rendered();
    operatorUser = install.serviceAccountUser();
    leaseNamespace = install.environment().get("LEADER_ELECTION_NAMESPACE");
    operator = ImpersonatedOperator.start(admin, operatorUser, install.operatorSettings());
    dashboards = new DashboardAsserts(admin);
  }

  /** Removes this class's Tenants while the operator still runs (it holds their finalizer), then stops it. */
  @AfterAll
  static void removeTenantsAndStopOperator() {
    if (operator == null) {
      return;
    }
    try {
      TENANTS.forEach(name -> admin.resources(Tenant.class).withName(name).delete());
      Awaitility.await("this class's Tenants removed").atMost(DashboardAsserts.TIMEOUT)
          .until(() -> TENANTS.stream().allMatch(name -> admin.resources(Tenant.class).withName(name).get() == null));
      assertThat(operator.forbiddenRequests()).as("requests refused while removing the Tenants").isEmpty();
    } finally {
      operator.close();
    }
  }

  @AfterEach
  void theOperatorWasNeverRefused() {
    assertThat(operator.forbiddenRequests()).as("requests of the operator refused by the chart's RBAC").isEmpty();
  }

  @Test
  void aTenantGetsItsNamespaceMemberAccessQuotaDefaultsAndIsolation() {
    String name = OperatorFixture.uniqueName("rbac-tenant");
    createTenant(fullTenant(name));

    awaitTenantReady(name);
    Namespace namespace = admin.namespaces().withName(name).get();
    assertThat(namespace.getMetadata().getLabels()).containsEntry(Labels.TENANT, name);
    for (TenantRole role : TenantRole.values()) {
      assertThat(admin.rbac().roleBindings().inNamespace(name).withName(TenantNames.roleBinding(role)).get())
          .as("the %s binding (bound with the bind verb on %s only)", role, TenantNames.clusterRole(role))
          .isNotNull();
    }
    assertThat(admin.resourceQuotas().inNamespace(name).withName(TenantNames.resourceQuota()).get()).isNotNull();
    assertThat(admin.limitRanges().inNamespace(name).withName(TenantNames.limitRange()).get()).isNotNull();
    assertThat(admin.network().v1().networkPolicies().inNamespace(name).withName(TenantNames.networkPolicy()).get())
        .isNotNull();
  }

  @Test
  void aTenantsObjectsAreChangedAndRemovedWithItsSpec() {
    String name = OperatorFixture.uniqueName("rbac-tenant-edit");
    createTenant(fullTenant(name));
    awaitTenantReady(name);

    Tenants.edit(admin, name, t -> {
      t.getSpec().setMembers(List.of(Tenants.member(MemberKind.User, "alice", TenantRole.ADMIN)));
      t.getSpec().setNetworkIsolation(false);
      t.getSpec().setQuota(null);
      t.getSpec().setDefaults(null);
      return t;
    });

    dashboards.awaitAbsent("the isolation policy", () -> admin.network().v1().networkPolicies().inNamespace(name)
        .withName(TenantNames.networkPolicy()).get());
    dashboards.awaitAbsent("the viewer binding", () -> admin.rbac().roleBindings().inNamespace(name)
        .withName(TenantNames.roleBinding(TenantRole.VIEWER)).get());
    dashboards.awaitAbsent("the quota", () -> admin.resourceQuotas().inNamespace(name)
        .withName(TenantNames.resourceQuota()).get());
    dashboards.awaitAbsent("the defaults", () -> admin.limitRanges().inNamespace(name)
        .withName(TenantNames.limitRange()).get());
    dashboards.awaitPresent("alice an admin", () -> {
      var admins = admin.rbac().roleBindings().inNamespace(name).withName(TenantNames.roleBinding(TenantRole.ADMIN))
          .get();
      return admins != null && admins.getSubjects().size() == 1
          && "alice".equals(admins.getSubjects().get(0).getName()) ? admins : null;
    });
  }

  @Test
  void aDeletedTenantDeletesTheNamespaceItCreatedAndReleasesTheOneItAdopted() {
    String name = OperatorFixture.uniqueName("rbac-tenant-delete");
    String adopted = createNamespace("rbac-adopted");
    Tenant tenant = Tenants.of(name, name, adopted);
    tenant.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    createTenant(tenant);
    awaitTenantReady(name);
    assertThat(admin.namespaces().withName(adopted).get().getMetadata().getLabels()).containsEntry(Labels.TENANT, name);

    admin.resources(Tenant.class).withName(name).delete();

    dashboards.awaitAbsent("the Tenant, its finalizer removed", () -> admin.resources(Tenant.class).withName(name)
        .get());
    assertThat(admin.namespaces().withName(name).get()).as("the namespace it created")
        .satisfiesAnyOf(ns -> assertThat(ns).isNull(),
            ns -> assertThat(ns.getMetadata().getDeletionTimestamp()).isNotNull());
    assertThat(admin.namespaces().withName(adopted).get().getMetadata().getLabels())
        .as("the namespace it adopted, released").doesNotContainKey(Labels.TENANT);
  }

  @Test
  void aDashboardGetsEveryChildAndItsStatusWithOnlyTheChartsPermissions() {
    String namespace = tenantNamespace("rbac-children");
    Dashboard dashboard = admin.resource(withIngress(autoscaled(Dashboards.minimal(namespace, "sales")))).create();

    dashboards.awaitPresent("the autoscaler", () -> admin.autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(namespace).withName(DashboardNames.autoscaler(dashboard)).get());
    dashboards.awaitPresent("the disruption budget", () -> admin.policy().v1().podDisruptionBudget()
        .inNamespace(namespace).withName(DashboardNames.disruptionBudget(dashboard)).get());
    dashboards.awaitPresent("the Ingress", () -> admin.network().v1().ingresses().inNamespace(namespace)
        .withName(DashboardNames.ingress(dashboard)).get());
    assertThat(admin.apps().deployments().inNamespace(namespace).withName(DashboardNames.deployment(dashboard)).get())
        .isNotNull();
    assertThat(admin.services().inNamespace(namespace).withName(DashboardNames.service(dashboard)).get()).isNotNull();
    assertThat(admin.serviceAccounts().inNamespace(namespace).withName(DashboardNames.serviceAccount(dashboard))
        .get()).isNotNull();
    assertThat(admin.network().v1().networkPolicies().inNamespace(namespace)
        .withName(DashboardNames.networkPolicy(dashboard)).get()).isNotNull();
    assertThat(admin.configMaps().inNamespace(namespace).withLabel(Labels.MANAGED_BY, Labels.OPERATOR).list()
        .getItems()).as("the definition ConfigMap").isNotEmpty();
    dashboards.awaitPresent("the status of generation 1", () -> {
      Dashboard current = dashboards.get(namespace, "sales");
      return current.getStatus() != null && Long.valueOf(1).equals(current.getStatus().getObservedGeneration())
          && DashboardAsserts.condition(current, DashboardConditions.READY) != null ? current : null;
    });
    // A change of state (a dashboard merely starting records none): the operator records an Event about it.
    dashboards.edit(namespace, "sales", d -> {
      d.getSpec().setSuspend(true);
      return d;
    });
    dashboards.awaitPresent("an Event the operator recorded about the Dashboard", () -> dashboards
        .events(namespace, "sales").stream().filter(e -> "astralytiq-operator".equals(e.getReportingComponent()))
        .findFirst().orElse(null));
  }

  @Test
  void theOperatorsOwnCaAndCertificatesNeedNoMoreThanTheChartGrants() {
    String namespace = tenantNamespace("rbac-tls");
    Dashboard dashboard = admin.resource(Dashboards.withTls(Dashboards.minimal(namespace, "sales"),
        namespace + ".dashboards.example.com", IngressTls.TlsMode.Operator, null)).create();

    dashboards.awaitCondition(namespace, "sales", DashboardConditions.TLS_READY, "True",
        DashboardConditions.REASON_CERTIFICATE_ISSUED);
    assertThat(admin.secrets().inNamespace(releaseNamespace).withName("astralytiq-operator-ca").get())
        .as("the CA, in the release namespace").isNotNull();
    assertThat(admin.secrets().inNamespace(namespace).withName(DashboardNames.tlsSecret(dashboard)).get().getType())
        .isEqualTo("kubernetes.io/tls");
  }

  @Test
  void optionalChildrenAreDeletedWhenNoLongerWanted() {
    String namespace = tenantNamespace("rbac-delete");
    Dashboard dashboard = admin.resource(withIngress(autoscaled(Dashboards.minimal(namespace, "sales")))).create();
    dashboards.awaitPresent("the Ingress", () -> admin.network().v1().ingresses().inNamespace(namespace)
        .withName(DashboardNames.ingress(dashboard)).get());
    dashboards.awaitPresent("the autoscaler", () -> admin.autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(namespace).withName(DashboardNames.autoscaler(dashboard)).get());

    dashboards.edit(namespace, "sales", d -> {
      d.getSpec().setAutoscaling(null);
      d.getSpec().setReplicas(1);
      d.getSpec().setIngress(null);
      return d;
    });

    dashboards.awaitAbsent("the autoscaler", () -> admin.autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(namespace).withName(DashboardNames.autoscaler(dashboard)).get());
    dashboards.awaitAbsent("the disruption budget", () -> admin.policy().v1().podDisruptionBudget()
        .inNamespace(namespace).withName(DashboardNames.disruptionBudget(dashboard)).get());
    dashboards.awaitAbsent("the Ingress", () -> admin.network().v1().ingresses().inNamespace(namespace)
        .withName(DashboardNames.ingress(dashboard)).get());
  }

  @Test
  void aReferencedDefinitionACredentialsSecretAndAClaimAreReadButNeverWritten() {
    String namespace = tenantNamespace("rbac-inputs");
    admin.resource(new ConfigMapBuilder().withNewMetadata().withName("sales-definition").withNamespace(namespace)
        .endMetadata().addToData("dashboard.yaml", """
            title: Deals
            datasets:
              - name: deals
                format: jdbc
                jdbc: {url: "jdbc:postgresql://db:5432/sales", credentialsSecret: sales-db, query: SELECT * FROM deals}
            panels:
              - {id: total, type: metric, query: SELECT count(*) AS total FROM deals, x: total}
            """).build()).create();
    Dashboard dashboard = Dashboards.minimal(namespace, "sales");
    DefinitionRef ref = new DefinitionRef();
    ref.setName("sales-definition");
    dashboard.getSpec().setDefinition(null);
    dashboard.getSpec().setDefinitionRef(ref);
    DataVolume archive = new DataVolume();
    archive.setName("archive");
    archive.setMountPath("/data/archive");
    archive.setPersistentVolumeClaim(new DataVolumeSource("sales-archive"));
    dashboard.getSpec().setDataVolumes(List.of(archive));
    admin.resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName("sales-archive")
        .withNamespace(namespace).endMetadata().withNewSpec().withAccessModes("ReadOnlyMany").withNewResources()
        .addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build()).create();
    admin.resource(dashboard).create();

    dashboards.awaitCondition(namespace, "sales", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SECRET_NOT_FOUND);
    admin.resource(new SecretBuilder().withNewMetadata().withName("sales-db").withNamespace(namespace)
        .addToLabels(Labels.DASHBOARD_DATA, "true").endMetadata().addToStringData("username", "reader").addToStringData("password", "s3cr3t").build()).create();

    Deployment deployment = dashboards.awaitPresent("the Deployment once the Secret exists", () -> admin.apps()
        .deployments().inNamespace(namespace).withName(DashboardNames.deployment(dashboard)).get());
    assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
        .anyMatch(v -> v.getSecret() != null && "sales-db".equals(v.getSecret().getSecretName()));
    ConfigMap referenced = admin.configMaps().inNamespace(namespace).withName("sales-definition").get();
    assertThat(referenced.getMetadata().getManagedFields()).as("who wrote the user's ConfigMap")
        .noneMatch(f -> "astralytiq-operator".equals(f.getManager()));
  }

  /** What the operator must never be able to do; each row asks the API server, as the operator's ServiceAccount. */
  @ParameterizedTest(name = "may not {0} {2}{3} (group ''{1}'')")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "list   | -                         | secrets                  | -",
      "watch  | -                         | secrets                  | -",
      "update | -                         | secrets                  | -",
      "delete | -                         | secrets                  | -",
      "delete | -                         | pods                     | -",
      "create | -                         | pods                     | -",
      "create | -                         | pods/exec                | -",
      "delete | -                         | configmaps               | -",
      "update | -                         | configmaps               | -",
      "delete | -                         | events                   | -",
      "update | -                         | events                   | -",
      "patch  | -                         | events                   | -",
      "update | apps                      | deployments              | -",
      "delete | apps                      | deployments              | -",
      "patch  | apps                      | deployments/scale        | -",
      "create | astralytiq.io             | dashboards               | -",
      "update | astralytiq.io             | dashboards               | -",
      "patch  | astralytiq.io             | dashboards               | -",
      "delete | astralytiq.io             | dashboards               | -",
      "patch  | astralytiq.io             | dashboards/scale         | -",
      "create | astralytiq.io             | tenants                  | -",
      "update | astralytiq.io             | tenants                  | -",
      "update | -                         | namespaces               | -",
      "update | rbac.authorization.k8s.io | rolebindings             | -",
      "delete | astralytiq.io             | tenants                  | -",
      "create | rbac.authorization.k8s.io | clusterrolebindings      | -",
      "create | rbac.authorization.k8s.io | clusterroles             | -",
      "create | rbac.authorization.k8s.io | roles                    | -",
      "escalate | rbac.authorization.k8s.io | clusterroles           | -",
      "bind   | rbac.authorization.k8s.io | clusterroles             | /cluster-admin",
      "bind   | rbac.authorization.k8s.io | clusterroles             | /admin",
      "impersonate | -                    | serviceaccounts          | -",
      "impersonate | -                    | users                    | -",
      "create | apiextensions.k8s.io      | customresourcedefinitions | -",
      "delete | apiextensions.k8s.io      | customresourcedefinitions | -",
      "create | coordination.k8s.io       | leases                   | -",
      "create | admissionregistration.k8s.io | validatingwebhookconfigurations | -",
  })
  void theOperatorMayNot(String verb, String group, String resource, String name) {
    String resourceName = name == null ? null : name.substring(1);
    String[] parts = resource.split("/", 2);
    // In a namespace of its own, never the release namespace (where it holds its Lease).
    String namespace = List.of("clusterroles", "clusterrolebindings", "customresourcedefinitions", "tenants",
        "namespaces", "validatingwebhookconfigurations", "users").contains(parts[0]) ? null : "default";
    assertThat(allowed(verb, group, parts[0], parts.length > 1 ? parts[1] : null, namespace, resourceName))
        .as("%s %s%s in %s", verb, resource, name == null ? "" : name, namespace == null ? "the cluster" : namespace)
        .isFalse();
  }

  @Test
  void deletingASecretIsRefused() {
    String namespace = createNamespace("rbac-secret");
    admin.resource(new SecretBuilder().withNewMetadata().withName("db").withNamespace(namespace).endMetadata()
        .addToStringData("password", "s3cr3t").build()).create();

    try (KubernetesClient asOperator = asOperator()) {
      assertForbidden(() -> asOperator.secrets().inNamespace(namespace).withName("db").delete());
      assertForbidden(() -> asOperator.secrets().inNamespace(namespace).list());
      assertThat(asOperator.secrets().inNamespace(namespace).withName("db").get()).as("get is allowed").isNotNull();
    }
    assertThat(admin.secrets().inNamespace(namespace).withName("db").get()).isNotNull();
  }

  @Test
  void creatingAClusterRoleBindingAndDeletingPodsAreRefused() {
    try (KubernetesClient asOperator = asOperator()) {
      assertForbidden(() -> asOperator.resource(new ClusterRoleBindingBuilder().withNewMetadata()
          .withName("astralytiq-escalation").endMetadata()
          .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "cluster-admin")
          .addNewSubject().withKind("ServiceAccount").withName("x").withNamespace("default").endSubject()
          .build()).create());
      assertForbidden(() -> asOperator.pods().inNamespace("default").withName("any").delete());
    }
  }

  @Test
  void aRoleBindingToATenantRoleIsAllowedAndToAnyOtherRoleRefused() {
    String namespace = createNamespace("rbac-bind");
    // A role with a permission the operator lacks. (The built-in admin, edit and view roles are aggregated by the
    // controller-manager, which this API server runs without: empty, binding them would escalate nothing.)
    admin.resource(new ClusterRoleBuilder().withNewMetadata().withName("rbac-it-secret-reader").endMetadata()
        .addNewRule().withApiGroups("").withResources("secrets").withVerbs("list").endRule().build())
        .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    try (KubernetesClient asOperator = asOperator()) {
      asOperator.resource(roleBinding(namespace, "acme-viewers", "astralytiq-tenant-viewer")).create();
      assertForbidden(() -> asOperator.resource(roleBinding(namespace, "acme-readers", "rbac-it-secret-reader"))
          .create());
      assertForbidden(() -> asOperator.resource(roleBinding(namespace, "acme-root", "cluster-admin")).create());
    }
    assertThat(admin.rbac().roleBindings().inNamespace(namespace).list().getItems())
        .extracting(b -> b.getMetadata().getName()).containsExactly("acme-viewers");
  }

  /**
   * The leader-election Role lets the operator hold its Lease in the release namespace: what JOSDK checks before it
   * starts (a SelfSubjectRulesReview), then fabric8's LeaderElector acquiring, renewing and releasing the Lease as
   * the operator does. (An operator started with LEADER_ELECTION_NAMESPACE cannot be stopped in a test: JOSDK calls
   * System.exit when it stops leading.)
   */
  @Test
  void theLeaderElectionRoleLetsTheOperatorHoldItsLeaseInTheReleaseNamespace() {
    assertThat(leaseNamespace).as("LEADER_ELECTION_NAMESPACE").isEqualTo(releaseNamespace);
    assertThat(chart.all(Role.class)).extracting(r -> r.getMetadata().getNamespace()).containsOnly(releaseNamespace);
    ForbiddenRequests refused = new ForbiddenRequests();
    try (KubernetesClient asOperator = ImpersonatedOperator.impersonating(admin, operatorUser, new OperatorMetrics(),
        refused)) {
      SelfSubjectRulesReview rules = asOperator.resource(new SelfSubjectRulesReviewBuilder().withNewSpec()
          .withNamespace(leaseNamespace).endSpec().build()).create();
      assertThat(rules.getStatus().getResourceRules())
          .anySatisfy(r -> assertThat(r.getResources()).contains("leases"))
          .filteredOn(r -> r.getResources().contains("leases"))
          .flatExtracting(r -> r.getVerbs()).contains("get", "create", "update", "patch");

      AtomicBoolean leading = new AtomicBoolean();
      CompletableFuture<?> election = asOperator.leaderElector().withConfig(new LeaderElectionConfigBuilder()
          .withName("astralytiq-operator")
          .withLock(new LeaseLock(leaseNamespace, "astralytiq-operator", "operator-0"))
          .withLeaseDuration(Duration.ofSeconds(15)).withRenewDeadline(Duration.ofSeconds(10))
          .withRetryPeriod(Duration.ofMillis(500))
          .withLeaderCallbacks(new LeaderCallbacks(() -> leading.set(true), () -> leading.set(false), id -> { }))
          .withReleaseOnCancel(true).build()).build().start();
      try {
        Awaitility.await("leadership").atMost(DashboardAsserts.TIMEOUT).untilTrue(leading);
        Lease lease = lease(leaseNamespace);
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("operator-0");
        Awaitility.await("a renewal").atMost(DashboardAsserts.TIMEOUT)
            .until(() -> !lease.getSpec().getRenewTime().equals(lease(leaseNamespace).getSpec().getRenewTime()));
      } finally {
        election.cancel(true);
      }
      // Released as fabric8 releases: the Lease patched to expire in a second, for a standby to take at once.
      Awaitility.await("the Lease released").atMost(DashboardAsserts.TIMEOUT)
          .until(() -> Integer.valueOf(1).equals(lease(leaseNamespace).getSpec().getLeaseDurationSeconds()));
      assertForbidden(() -> asOperator.resources(Lease.class).inNamespace("default").resource(new LeaseBuilder()
          .withNewMetadata().withName("astralytiq-operator").endMetadata()
          .withNewSpec().withHolderIdentity("operator-0").endSpec().build()).create());
    }
    assertThat(refused.all()).as("refused during the election").hasSize(1)
        .allMatch(r -> r.startsWith("POST /apis/coordination.k8s.io/v1/namespaces/default/"));
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  private static Lease lease(String namespace) {
    return admin.resources(Lease.class).inNamespace(namespace).withName("astralytiq-operator").get();
  }

  private static KubernetesClient asOperator() {
    return ImpersonatedOperator.impersonating(admin, operatorUser, new OperatorMetrics(), new ForbiddenRequests());
  }

  private static boolean allowed(String verb, String group, String resource, String subresource, String namespace,
      String name) {
    try (KubernetesClient asOperator = asOperator()) {
      SelfSubjectAccessReview review = asOperator.resource(new SelfSubjectAccessReviewBuilder().withNewSpec()
          .withResourceAttributes(new ResourceAttributesBuilder().withVerb(verb).withGroup(group == null ? "" : group)
              .withResource(resource).withSubresource(subresource).withNamespace(namespace).withName(name).build())
          .endSpec().build()).create();
      return review.getStatus().getAllowed();
    }
  }

  private static void assertForbidden(Runnable request) {
    assertThatThrownBy(request::run).isInstanceOfSatisfying(KubernetesClientException.class,
        e -> assertThat(e.getCode()).isEqualTo(403));
  }

  private static RoleBinding roleBinding(String namespace, String name, String clusterRole) {
    return new RoleBindingBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterRole)
        .addNewSubject().withKind("Group").withApiGroup("rbac.authorization.k8s.io").withName(name).endSubject()
        .build();
  }

  private static Dashboard autoscaled(Dashboard dashboard) {
    AutoscalingSpec autoscaling = new AutoscalingSpec();
    autoscaling.setMinReplicas(2);
    autoscaling.setMaxReplicas(4);
    dashboard.getSpec().setAutoscaling(autoscaling);
    return dashboard;
  }

  private static Dashboard withIngress(Dashboard dashboard) {
    IngressSpec ingress = new IngressSpec();
    ingress.setHost(dashboard.getMetadata().getNamespace() + ".dashboards.example.com");
    dashboard.getSpec().setIngress(ingress);
    return dashboard;
  }

  private static void createTenant(Tenant tenant) {
    TENANTS.add(tenant.getMetadata().getName());
    admin.resource(tenant).create();
  }

  private static Tenant fullTenant(String name) {
    Tenant tenant = Tenants.of(name, name);
    tenant.getSpec().setMembers(List.of(Tenants.member(MemberKind.Group, "admins", TenantRole.ADMIN),
        Tenants.member(MemberKind.User, "alice", TenantRole.EDITOR), Tenants.member(MemberKind.User, "bob", TenantRole.VIEWER)));
    TenantQuota quota = new TenantQuota();
    quota.setCpu("4");
    quota.setPods(20);
    tenant.getSpec().setQuota(quota);
    ResourceDefaults defaults = new ResourceDefaults();
    defaults.setMemory("256Mi");
    tenant.getSpec().setDefaults(defaults);
    return tenant;
  }

  private static Tenant awaitTenantReady(String name) {
    return Awaitility.await("tenant " + name + " Ready").atMost(DashboardAsserts.TIMEOUT)
        .until(() -> admin.resources(Tenant.class).withName(name).get(), t -> t != null && t.getStatus() != null
            && Conditions.isTrue(t.getStatus().getConditions(), TenantConditions.READY));
  }

  /** A Tenant with one namespace of its name, once the operator made it: Dashboards run only in such namespaces. */
  private static String tenantNamespace(String prefix) {
    String name = OperatorFixture.uniqueName(prefix);
    createTenant(Tenants.of(name, name));
    Awaitility.await("namespace of tenant " + name).atMost(DashboardAsserts.TIMEOUT).until(() -> {
      Namespace ns = admin.namespaces().withName(name).get();
      return ns != null && name.equals(ns.getMetadata().getLabels().get(Labels.TENANT));
    });
    return name;
  }

  private static String createNamespace(String prefix) {
    String name = OperatorFixture.uniqueName(prefix);
    admin.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    return name;
  }
}
