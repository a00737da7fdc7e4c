package io.astralytiq.operator.dashboard.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.AutoscalingSpec;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.api.v1alpha1.DataVolume;
import io.astralytiq.api.v1alpha1.DataVolumeSource;
import io.astralytiq.api.v1alpha1.EgressDestination;
import io.astralytiq.api.v1alpha1.EgressPort;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.api.v1alpha1.TenantEgress;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.testing.GoldenFiles;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A Dashboard in, the desired children out, compared with golden YAML; one test per option. */
class DashboardModelTest {

  private static final OperatorConfig CONFIG = OperatorConfig.from(Map.of(
      "RUNTIME_IMAGE", "ghcr.io/astralytiq/dashboard-runtime:0.1.0",
      "INGRESS_NAMESPACE", "ingress-nginx", "MONITORING_NAMESPACE", "monitoring"));
  private static final DefinitionContent DEFINITION = DefinitionContent.of("title: Orders\npanels: []\n", List.of());

  @Test
  void minimalDashboardGetsDefinitionDeploymentServiceAccountAndPolicyOnly() {
    DashboardModel model = model(dashboard(new DashboardSpec()), DEFINITION, false);

    GoldenFiles.assertMatches("minimal/configmap", model.definitionConfigMap().orElseThrow());
    GoldenFiles.assertMatches("minimal/deployment", model.deployment());
    GoldenFiles.assertMatches("minimal/service", model.service());
    GoldenFiles.assertMatches("minimal/serviceaccount", model.serviceAccount());
    GoldenFiles.assertMatches("minimal/networkpolicy", model.networkPolicy());
    assertThat(model.autoscaler()).isEmpty();
    assertThat(model.disruptionBudget()).as("one replica").isEmpty();
    assertThat(model.ingress()).isEmpty();
    assertThat(model.url()).isEqualTo("http://sales.acme-analytics.svc");
  }

  @Test
  void autoscalingLeavesReplicasToTheAutoscalerAndAddsADisruptionBudget() {
    DashboardSpec spec = new DashboardSpec();
    AutoscalingSpec autoscaling = new AutoscalingSpec();
    autoscaling.setMinReplicas(2);
    autoscaling.setMaxReplicas(10);
    autoscaling.setTargetCPUUtilizationPercentage(70);
    spec.setAutoscaling(autoscaling);
    DashboardModel model = model(dashboard(spec), DEFINITION, false);

    assertThat(model.deployment().getSpec().getReplicas()).as("owned by the autoscaler").isNull();
    GoldenFiles.assertMatches("autoscaled/hpa", model.autoscaler().orElseThrow());
    GoldenFiles.assertMatches("autoscaled/pdb", model.disruptionBudget().orElseThrow());
  }

  @Test
  void fixedReplicasAboveOneGetADisruptionBudget() {
    DashboardSpec spec = new DashboardSpec();
    spec.setReplicas(3);
    DashboardModel model = model(dashboard(spec), DEFINITION, false);

    assertThat(model.deployment().getSpec().getReplicas()).isEqualTo(3);
    assertThat(model.disruptionBudget()).isPresent();
  }

  @Test
  void suspendScalesToZeroWithoutAutoscalerOrBudget() {
    DashboardSpec spec = new DashboardSpec();
    AutoscalingSpec autoscaling = new AutoscalingSpec();
    autoscaling.setMinReplicas(2);
    autoscaling.setMaxReplicas(4);
    spec.setAutoscaling(autoscaling);
    spec.setSuspend(true);
    DashboardModel model = model(dashboard(spec), DEFINITION, false);

    assertThat(model.deployment().getSpec().getReplicas()).isZero();
    assertThat(model.autoscaler()).isEmpty();
    assertThat(model.disruptionBudget()).isEmpty();
  }

  @Test
  void ingressWithCertManagerServesTlsFromTheDashboardsSecret() {
    DashboardModel model = model(dashboard(withIngress(IngressTls.TlsMode.CertManager, null)), DEFINITION, false);

    GoldenFiles.assertMatches("ingress/certmanager", model.ingress().orElseThrow());
    assertThat(model.url()).isEqualTo("https://sales.acme.example.com");
  }

  @Test
  void ingressWithAUserSecretServesTlsFromIt() {
    DashboardModel model = model(dashboard(withIngress(IngressTls.TlsMode.Secret, "sales-tls-by-hand")), DEFINITION,
        false);

    assertThat(model.ingress().orElseThrow().getSpec().getTls()).singleElement()
        .satisfies(tls -> assertThat(tls.getSecretName()).isEqualTo("sales-tls-by-hand"));
  }

  @Test
  void ingressWithoutTlsIsPlainHttp() {
    DashboardModel model = model(dashboard(withIngress(IngressTls.TlsMode.None, null)), DEFINITION, false);

    assertThat(model.ingress().orElseThrow().getSpec().getTls()).isEmpty();
    assertThat(model.url()).isEqualTo("http://sales.acme.example.com");
  }

  @Test
  void aHostHeldByAnotherDashboardGetsNoIngress() {
    DashboardModel model = model(dashboard(withIngress(IngressTls.TlsMode.CertManager, null)), DEFINITION, true);

    assertThat(model.ingress()).isEmpty();
    assertThat(model.servedIngress()).isEmpty();
  }

  @Test
  void aCustomImageRunsWithItsPortProbesResourcesAndEnvironment() {
    DashboardSpec spec = new DashboardSpec();
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage("registry.acme.io/data/forecast-streamlit:2.3.1");
    runtime.setPort(8501);
    runtime.setReadinessPath("/_stcore/health");
    runtime.setLivenessPath("/_stcore/health");
    runtime.setResources(new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("500m"))
        .addToLimits("memory", new Quantity("2Gi")).build());
    runtime.setEnv(List.of(new EnvVarBuilder().withName("STREAMLIT_SERVER_HEADLESS").withValue("true").build()));
    spec.setRuntime(runtime);
    RolloutSpec rollout = new RolloutSpec();
    rollout.setMinReadySeconds(10);
    rollout.setProgressDeadlineSeconds(120);
    spec.setRollout(rollout);
    DashboardModel model = model(dashboard(spec), null, false);

    GoldenFiles.assertMatches("custom-image/deployment", model.deployment());
    assertThat(model.definitionConfigMap()).isEmpty();
    assertThat(model.runsDefaultRuntime()).isFalse();
  }

  @Test
  void placementFieldsReachThePodTemplate() {
    DashboardSpec spec = new DashboardSpec();
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setNodeSelector(Map.of("kubernetes.io/arch", "amd64"));
    runtime.setTolerations(List.of(new TolerationBuilder().withKey("kwok.x-k8s.io/node").withOperator("Exists")
        .withEffect("NoSchedule").build()));
    runtime.setAffinity(new AffinityBuilder().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm().addNewMatchExpression()
        .withKey("topology.kubernetes.io/zone").withOperator("In").withValues("eu-west-1a", "eu-west-1b")
        .endMatchExpression().endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity().build());
    runtime.setTopologySpreadConstraints(List.of(
        new TopologySpreadConstraintBuilder().withMaxSkew(1).withTopologyKey("topology.kubernetes.io/zone")
            .withWhenUnsatisfiable("ScheduleAnyway").build(),
        new TopologySpreadConstraintBuilder().withMaxSkew(2).withTopologyKey("kubernetes.io/hostname")
            .withWhenUnsatisfiable("DoNotSchedule").withNewLabelSelector().addToMatchLabels("team", "sales")
            .endLabelSelector().build()));
    runtime.setPriorityClassName("dashboards-high");
    spec.setRuntime(runtime);
    DashboardModel model = model(dashboard(spec), DEFINITION, false);

    GoldenFiles.assertMatches("placement/deployment", model.deployment());
    assertThat(runtime.getTopologySpreadConstraints().get(0).getLabelSelector())
        .as("the spec, read from the informer cache, is left as it was").isNull();
  }

  @Test
  void noPlacementFieldsLeaveThePodTemplateAsItWas() {
    DashboardSpec spec = new DashboardSpec();
    spec.setRuntime(new RuntimeSpec());
    DashboardModel withEmptyRuntime = model(dashboard(spec), DEFINITION, false);

    // Serialized, as the revision's hash sees it: a changed template would roll every dashboard on upgrade.
    assertThat(Serialization.asJson(withEmptyRuntime.deployment().getSpec().getTemplate())).isEqualTo(
        Serialization.asJson(model(dashboard(new DashboardSpec()), DEFINITION, false).deployment().getSpec()
            .getTemplate()));
  }

  @Test
  void datasetCredentialsAreMountedReadOnlyFromTheirSecrets() {
    DefinitionContent withSecrets = DefinitionContent.of("title: Sales\n", List.of("crm-db", "sales-db"));
    DashboardModel model = model(dashboard(new DashboardSpec()), withSecrets, false);

    GoldenFiles.assertMatches("credentials/deployment", model.deployment());
  }

  @Test
  void dataVolumesAreMountedReadOnlyFromTheirConfigMapSecretOrClaim() {
    DashboardSpec spec = new DashboardSpec();
    spec.setDataVolumes(List.of(
        dataVolume("orders", "/data/orders", v -> v.setConfigMap(new DataVolumeSource("orders-csv"))),
        dataVolume("partners", "/data/partners", v -> v.setSecret(new DataVolumeSource("partner-list"))),
        dataVolume("archive", "/data/archive", v -> v.setPersistentVolumeClaim(new DataVolumeSource("sales-archive")))));
    DashboardModel model = model(dashboard(spec), DEFINITION, false);

    GoldenFiles.assertMatches("data-volumes/deployment", model.deployment());
  }

  @Test
  void egressReachesDnsTheDatasetsAddressesAndServicesAndTheTenantsAllowList() {
    DefinitionContent definition = DefinitionContent.of("title: Sales\n", List.of("sales-db"), List.of(
        "jdbc:postgresql://198.18.0.1:5432/sales", "jdbc:postgresql://orders-db.data.svc.cluster.local/orders",
        "jdbc:postgresql://crm-db/crm", "https://203.0.113.10/export.csv", "https://files.example.com/a.csv",
        "http://169.254.169.254/latest/meta-data", "jdbc:postgresql://198.18.0.1:5432/other"));
    EgressDestination partners = new EgressDestination();
    partners.setCidr("192.0.2.0/24");
    EgressPort range = new EgressPort(8000);
    range.setEndPort(8100);
    partners.setPorts(List.of(new EgressPort(443), range));
    TenantEgress tenant = new TenantEgress();
    tenant.setAllowed(List.of(partners));
    DashboardModel model = new DashboardModel(dashboard(new DashboardSpec()), CONFIG, definition, "acme", null, false,
        tenant, Set.of("acme-analytics", "data"));

    GoldenFiles.assertMatches("egress/networkpolicy", model.networkPolicy());
  }

  @Test
  void aServiceOfANamespaceTheTenantDoesNotHoldIsNotOpenedAndIsNamed() {
    DefinitionContent definition = DefinitionContent.of("title: Sales\n", List.of(), List.of(
        "jdbc:postgresql://billing-db.globex-analytics.svc:5432/billing", "jdbc:postgresql://crm-db.data.svc/crm",
        "jdbc:postgresql://orders-db/orders"));
    DashboardModel model = new DashboardModel(dashboard(new DashboardSpec()), CONFIG, definition, "acme", null, false,
        null, Set.of("acme-analytics", "data"));

    assertThat(model.networkPolicy().getSpec().getEgress()).flatExtracting(r -> r.getTo())
        .extracting(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
        .containsExactly("kube-system", "data", "acme-analytics");
    assertThat(model.egressRefusals()).containsExactly("dataset host billing-db.globex-analytics.svc is a Service in"
        + " namespace globex-analytics, which is not one of tenant acme's; its NetworkPolicy does not let the runtime"
        + " connect there");
  }

  @Test
  void theDefaultRuntimeIsToldWhereItsUrlDatasetsMayNotGoACustomImageIsNot() {
    OperatorConfig cluster = OperatorConfig.from(Map.of("CLUSTER_CIDRS", "10.244.0.0/16,10.96.0.0/12",
        "EGRESS_ALLOWED_HOSTS", "minio.storage.svc"));
    DashboardSpec custom = new DashboardSpec();
    custom.setRuntime(new RuntimeSpec());
    custom.getRuntime().setImage("registry.acme.io/data/forecast-streamlit:2.3.1");

    assertThat(env(new DashboardModel(dashboard(new DashboardSpec()), cluster, DEFINITION, "acme", null, false, null,
        Set.of()))).containsEntry("ASTRALYTIQ_EGRESS_BLOCKED_CIDRS", "10.244.0.0/16,10.96.0.0/12")
        .containsEntry("ASTRALYTIQ_EGRESS_ALLOWED_HOSTS", "minio.storage.svc");
    assertThat(env(model(dashboard(new DashboardSpec()), DEFINITION, false)))
        .as("no ranges configured: every private one, and no host allowed")
        .containsEntry("ASTRALYTIQ_EGRESS_BLOCKED_CIDRS", "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10,fc00::/7")
        .containsEntry("ASTRALYTIQ_EGRESS_ALLOWED_HOSTS", "");
    assertThat(env(new DashboardModel(dashboard(custom), cluster, null, "acme", null, false, null, Set.of())))
        .doesNotContainKeys("ASTRALYTIQ_EGRESS_BLOCKED_CIDRS", "ASTRALYTIQ_EGRESS_ALLOWED_HOSTS");
  }

  @Test
  void theOperatorsOwnEnvironmentWinsOverTheSpecs() {
    DashboardSpec spec = new DashboardSpec();
    spec.setRuntime(new RuntimeSpec());
    spec.getRuntime().setImage(CONFIG.runtimeImage());
    spec.getRuntime().setEnv(List.of(
        new EnvVarBuilder().withName("ASTRALYTIQ_EGRESS_BLOCKED_CIDRS").withValue("").build(),
        new EnvVarBuilder().withName("ASTRALYTIQ_EGRESS_ALLOWED_HOSTS").withValue("metadata.internal").build(),
        new EnvVarBuilder().withName("TZ").withValue("Europe/Paris").build()));
    DashboardModel model = model(dashboard(spec), DEFINITION, false);

    assertThat(model.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .extracting(e -> e.getName()).as("each name once").doesNotHaveDuplicates();
    assertThat(env(model)).containsEntry("ASTRALYTIQ_EGRESS_BLOCKED_CIDRS", String.join(",",
            CONFIG.runtimeEgress().blockedCidrs()))
        .containsEntry("ASTRALYTIQ_EGRESS_ALLOWED_HOSTS", "").containsEntry("TZ", "Europe/Paris");
  }

  private static Map<String, String> env(DashboardModel model) {
    Map<String, String> env = new java.util.TreeMap<>();
    model.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
        .forEach(e -> env.put(e.getName(), e.getValue() == null ? "" : e.getValue()));
    return env;
  }

  @Test
  void theDefinitionConfigMapIsNamedByContentSoEachVersionKeepsItsOwn() {
    DashboardModel first = model(dashboard(new DashboardSpec()), DEFINITION, false);
    DashboardModel second = model(dashboard(new DashboardSpec()),
        DefinitionContent.of("title: Orders by region\npanels: []\n", List.of()), false);

    assertThat(first.definitionConfigMap().orElseThrow().getMetadata().getName())
        .isNotEqualTo(second.definitionConfigMap().orElseThrow().getMetadata().getName())
        .startsWith("sales-def-");
    assertThat(first.definitionConfigMap().orElseThrow().getImmutable()).isTrue();
  }

  private static DashboardModel model(Dashboard dashboard, DefinitionContent definition, boolean conflict) {
    return new DashboardModel(dashboard, CONFIG, definition, "acme", null, conflict, null, Set.of());
  }

  private static Dashboard dashboard(DashboardSpec spec) {
    Dashboard dashboard = new Dashboard();
    dashboard.setMetadata(new ObjectMetaBuilder().withName("sales").withNamespace("acme-analytics")
        .withUid("0b5e7f8a-1d2c-4e3f-9a8b-7c6d5e4f3a2b").withGeneration(3L).build());
    dashboard.setSpec(spec);
    return dashboard;
  }

  private static DataVolume dataVolume(String name, String mountPath, Consumer<DataVolume> source) {
    DataVolume volume = new DataVolume();
    volume.setName(name);
    volume.setMountPath(mountPath);
    source.accept(volume);
    return volume;
  }

  private static DashboardSpec withIngress(IngressTls.TlsMode mode, String secret) {
    DashboardSpec spec = new DashboardSpec();
    IngressSpec ingress = new IngressSpec();
    ingress.setHost("sales.acme.example.com");
    ingress.setClassName("nginx");
    IngressTls tls = new IngressTls();
    tls.setMode(mode);
    tls.setSecretName(secret);
    ingress.setTls(tls);
    spec.setIngress(ingress);
    return spec;
  }
}
