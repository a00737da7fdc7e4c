package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.astralytiq.operator.config.ImageTrust;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.config.RuntimeEgress;
import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.install.Helm.Rendered;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.Crds;
import io.astralytiq.testing.Project;
import io.astralytiq.testing.RealApiServer;
import io.astralytiq.testing.RealApiServer.ApiServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Helm chart as a user installs it: rendered by the pinned helm with default and changed values, its pod checked
 * by the real API server's Pod Security admission, its values schema-checked and documented, its CRDs the committed
 * ones, upgraded by {@code helm upgrade} and kept by {@code helm uninstall}.
 */
@ExtendWith(RealApiServer.class)
class HelmChartIT {

  private static final String RELEASE = "astralytiq-operator";
  private static final String NAMESPACE = "astralytiq-system";
  private static final String PUBLIC_KEY = """
      -----BEGIN PUBLIC KEY-----
      MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAET7y/BRbDt/6mpuOEkGOPsR925rlu
      GnoOCblWnrO7XwYnjHonYLMCE40IdWpBS1OgLEaCD8jyiexZk1liAQPWuw==
      -----END PUBLIC KEY-----
      """;
  /** Values given as a whole block (Kubernetes structures), not key by key. */
  private static final Set<String> BLOCKS = Set.of("resources", "podSecurityContext", "securityContext");

  private static final String DASHBOARDS_CRD = "dashboards.astralytiq.io";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static Helm helm;

  @BeforeAll
  static void findHelm() {
    helm = Helm.pinned();
  }

  @Test
  void theDefaultPodRunsUnprivilegedAndPassesTheRestrictedPodSecurityStandard(KubernetesClient client) {
    Deployment deployment = render(Map.of()).one(Deployment.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container operator = pod.getContainers().get(0);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(operator.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(operator.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(operator.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(operator.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(operator.getVolumeMounts()).as("a writable /tmp for the JVM")
        .anyMatch(m -> m.getMountPath().equals("/tmp"));
    assertThat(pod.getAutomountServiceAccountToken()).as("the operator needs its token").isTrue();
    assertThat(render(Map.of()).one(ServiceAccount.class).getAutomountServiceAccountToken())
        .as("no other pod of the account gets it").isFalse();

    String namespace = "chart-psa-" + Long.toString(System.nanoTime() % 100_000, 36);
    client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
        .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
        .addToLabels("pod-security.kubernetes.io/enforce-version", "latest").endMetadata().build()).create();
    client.pods().inNamespace(namespace).resource(pod(deployment, namespace)).dryRun().create();
    Deployment escalating = render(Map.of("securityContext.allowPrivilegeEscalation", "true")).one(Deployment.class);
    assertThatThrownBy(() -> client.pods().inNamespace(namespace).resource(pod(escalating, namespace)).dryRun()
        .create()).as("Pod Security admission is on and checks what the chart renders")
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  @Test
  void theOperatorIsProbedAndScrapedOnItsHealthPort() {
    for (int port : List.of(8081, 9090)) {
      Rendered chart = render(port == 8081 ? Map.of() : Map.of("operator.healthPort", Integer.toString(port)));
      Container operator = container(chart);
      assertThat(operator.getPorts()).singleElement().satisfies(p -> {
        assertThat(p.getName()).isEqualTo("health");
        assertThat(p.getContainerPort()).isEqualTo(port);
      });
      assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
      assertThat(operator.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("health");
      assertThat(operator.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
      assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
      assertThat(operator.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("health");
      assertThat(env(chart)).containsEntry("HEALTH_PORT", Integer.toString(port));
      Service metrics = chart.one(Service.class);
      assertThat(metrics.getSpec().getPorts()).singleElement().satisfies(p -> {
        assertThat(p.getPort()).isEqualTo(port);
        assertThat(p.getTargetPort().getStrVal()).isEqualTo("health");
      });
      assertThat(metrics.getSpec().getSelector())
          .isEqualTo(chart.one(Deployment.class).getSpec().getSelector().getMatchLabels());
    }
  }

  @Test
  void theOperatorValuesBecomeAConfigurationTheOperatorAccepts() {
    Rendered chart = render(Map.ofEntries(Map.entry("operator.watchNamespaces", "{acme-analytics,globex}"),
        Map.entry("operator.runtimeImage", "registry.example.com/runtime:2.0"),
        Map.entry("operator.reconcileConcurrency", "3"), Map.entry("operator.resyncPeriod", "1h30m"),
        Map.entry("operator.ingressNamespace", "traefik"),
        Map.entry("operator.monitoringNamespace", "observability"), Map.entry("operator.healthPort", "9090"),
        Map.entry("operator.dnsNamespace", "openshift-dns"), Map.entry("operator.allowUnmanagedNamespaces", "true"),
        Map.entry("operator.runbookBaseUrl", "https://runbooks.example.com/astralytiq"),
        Map.entry("operator.scrapeInterval", "15s"),
        Map.entry("operator.monitoringLabels.release", "kube-prometheus-stack"),
        Map.entry("operator.clusterCidrs", "{10.244.0.0/16,10.96.0.0/12}"),
        Map.entry("operator.egressAllowedHosts", "{minio.storage.svc}"),
        Map.entry("operator.runtimeImagePublicKeys", PUBLIC_KEY),
        Map.entry("operator.registryEndpoints.registry\\.acme\\.io", "http://198.18.0.1:5000"),
        Map.entry("operator.registryTimeout", "3s"), Map.entry("operator.imageTagLifetime", "30s"),
        Map.entry("operator.imageVerificationLifetime", "2h")));

    OperatorConfig config = OperatorConfig.from(env(chart));

    assertThat(config).isEqualTo(new OperatorConfig(Set.of("acme-analytics", "globex"),
        "registry.example.com/runtime:2.0", 3, Duration.ofMinutes(90), "traefik", "observability", "openshift-dns",
        NAMESPACE, 9090, true,
        "https://runbooks.example.com/astralytiq", Duration.ofSeconds(15), Map.of("release", "kube-prometheus-stack"),
        NAMESPACE, "astralytiq-operator-ca", TlsPolicy.DEFAULTS,
        new RuntimeEgress(List.of("10.244.0.0/16", "10.96.0.0/12"), List.of("minio.storage.svc")),
        new ImageTrust(PUBLIC_KEY.strip(), Map.of("registry.acme.io", "http://198.18.0.1:5000"),
            Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ofHours(2))));
    assertThat(OperatorConfig.from(env(render(Map.of())))).as("defaults").isEqualTo(new OperatorConfig(Set.of(),
        OperatorConfig.DEFAULT_RUNTIME_IMAGE, 10, Duration.ofMinutes(10), "ingress-nginx", "monitoring",
        "kube-system", NAMESPACE,
        8081, false, OperatorConfig.DEFAULT_RUNBOOK_BASE_URL, Duration.ofSeconds(30), Map.of(), NAMESPACE,
        "astralytiq-operator-ca", TlsPolicy.DEFAULTS, new RuntimeEgress(List.of(), List.of()), ImageTrust.DEFAULTS));
  }

  @ParameterizedTest(name = "replicaCount={0}, leaderElection.enabled={1}: elects a leader={2}")
  @CsvSource({"1, false, false", "1, true, true", "2, false, true", "3, true, true"})
  void leaderElectionIsOnWithMoreThanOneReplicaOrWhenAskedFor(int replicas, boolean enabled, boolean elects) {
    Rendered chart = render(Map.of("replicaCount", Integer.toString(replicas),
        "leaderElection.enabled", Boolean.toString(enabled)));
    Deployment deployment = chart.one(Deployment.class);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(replicas);
    if (elects) {
      assertThat(env(chart)).containsEntry("LEADER_ELECTION_NAMESPACE", NAMESPACE);
      assertThat(leaseRole(chart)).get().satisfies(role -> assertThat(role.getMetadata().getNamespace())
          .isEqualTo(NAMESPACE));
      assertThat(leaseRole(chart).orElseThrow().getRules()).singleElement().satisfies(rule -> {
        assertThat(rule.getResources()).containsExactly("leases");
        assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "create", "update", "patch");
      });
      assertThat(chart.all(RoleBinding.class)).filteredOn(b -> b.getRoleRef().getName().endsWith("-leader-election"))
          .singleElement().satisfies(b -> assertThat(b.getSubjects()).singleElement()
              .satisfies(s -> assertThat(s.getNamespace()).isEqualTo(NAMESPACE)));
      assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    } else {
      assertThat(env(chart)).doesNotContainKey("LEADER_ELECTION_NAMESPACE");
      assertThat(leaseRole(chart)).isEmpty();
      assertThat(deployment.getSpec().getStrategy().getType()).as("never two operators at once").isEqualTo("Recreate");
    }
  }

  @ParameterizedTest(name = "replicaCount={0}: a disruption budget and spread over nodes={1}")
  @CsvSource({"1, false", "2, true", "3, true"})
  void moreThanOneReplicaGetsADisruptionBudgetAndSpreadsOverNodes(int replicas, boolean highlyAvailable) {
    Rendered chart = render(Map.of("replicaCount", Integer.toString(replicas)));
    Map<String, String> selector = chart.one(Deployment.class).getSpec().getSelector().getMatchLabels();

    if (highlyAvailable) {
      assertThat(chart.one(PodDisruptionBudget.class).getSpec()).satisfies(budget -> {
        assertThat(budget.getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSelector().getMatchLabels()).isEqualTo(selector);
      });
      assertThat(pod(chart).getTopologySpreadConstraints()).singleElement().satisfies(spread -> {
        assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
        assertThat(spread.getWhenUnsatisfiable()).as("one node still runs both").isEqualTo("ScheduleAnyway");
        assertThat(spread.getLabelSelector().getMatchLabels()).isEqualTo(selector);
      });
    } else {
      assertThat(chart.find(PodDisruptionBudget.class)).isEmpty();
      assertThat(pod(chart).getTopologySpreadConstraints()).isEmpty();
    }
  }

  @Test
  void aMisspelledValueFailsTheRenderWhereTheRightOneRenders() {
    assertThat(helm.render(RELEASE, NAMESPACE, Map.of("replicaCount", "2")).exitCode()).isZero();

    Command.Result typo = helm.render(RELEASE, NAMESPACE, Map.of("replicaCont", "2"));

    assertThat(typo.exitCode()).isNotZero();
    assertThat(typo.stderr()).contains("values don't meet the specifications of the schema")
        .contains("additional properties 'replicaCont' not allowed");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "operator.resyncPeriood | 5m        | additional properties 'resyncPeriood' not allowed",
      "image.tags             | 1.0       | additional properties 'tags' not allowed",
      "securityContext.readOnlyRootFileSystem | true | additional properties 'readOnlyRootFileSystem' not allowed",
      "replicaCount           | two       | replicaCount",
      "replicaCount           | 0         | replicaCount",
      "operator.resyncPeriod  | 10 minutes | resyncPeriod",
      "operator.watchNamespaces | {Team_A} | watchNamespaces",
      "operator.healthPort    | 80        | healthPort",
      "operator.clusterCidrs  | {10.96.0.0} | clusterCidrs",
      "operator.egressAllowedHosts | {https://data.example.com} | egressAllowedHosts",
      "image.pullPolicy       | Sometimes | pullPolicy",
  })
  void anInvalidValueFailsTheRenderNamingIt(String key, String value, String message) {
    Command.Result result = helm.render(RELEASE, NAMESPACE, Map.of(key, value));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains(message);
  }

  @Test
  void theChartLintsCleanly() {
    Command.Result lint = helm.run("lint", "--strict", Helm.CHART.toString());

    assertThat(lint.exitCode()).as(lint.stdout() + lint.stderr()).isZero();
  }

  @Test
  void theChartRendersTheCommittedCrdsLabelledAndKeptOnUninstall() {
    Map<String, CustomResourceDefinition> committed = committedCrds();
    List<CustomResourceDefinition> rendered = render(Map.of()).all(CustomResourceDefinition.class);

    assertThat(committed).hasSize(2);
    assertThat(rendered).extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(committed.keySet());
    assertThat(rendered).allSatisfy(crd -> {
      assertThat(crd.getSpec()).as("as generated").isEqualTo(committed.get(crd.getMetadata().getName()).getSpec());
      assertThat(crd.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "api")
          .containsEntry("app.kubernetes.io/part-of", "astralytiq");
      assertThat(crd.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
    });
  }

  /**
   * The chart's CRD template alone (in a copy of the chart without the other templates, so that the release holds
   * nothing but the CRDs the other tests on this API server use too), installed with an older Dashboard CRD, then
   * upgraded by the chart as it is: Helm upgrades CRDs it renders, which it never does for a crds/ folder.
   */
  @Test
  void helmUpgradeUpgradesTheCrdsAndUninstallKeepsThem(ApiServer server, @TempDir Path work) throws IOException {
    KubernetesClient client = server.client();
    Path current = crdOnlyChart(work.resolve("current"), crd -> {});
    Path older = crdOnlyChart(work.resolve("older"), crd -> {
      if (crd.getMetadata().getName().equals(DASHBOARDS_CRD)) {
        crd.getSpec().getVersions().forEach(v -> v.getAdditionalPrinterColumns().removeIf(c -> c.getName()
            .equals("Phase")));
      }
    });
    String namespace = "chart-crds-" + Long.toString(System.nanoTime() % 100_000, 36);
    String kubeconfig = server.kubeconfig().toString();

    Command.Result installed = helm.run("--kubeconfig", kubeconfig, "install", "crds", older.toString(),
        "--namespace", namespace, "--create-namespace", "--take-ownership", "--wait");
    assertThat(installed.exitCode()).as(installed.stderr()).isZero();
    assertThat(printerColumns(client)).as("the older CRD, installed").doesNotContain("Phase");

    Command.Result upgraded = helm.run("--kubeconfig", kubeconfig, "upgrade", "crds", current.toString(),
        "--namespace", namespace, "--wait");
    assertThat(upgraded.exitCode()).as(upgraded.stderr()).isZero();
    assertThat(printerColumns(client)).as("upgraded by helm upgrade").contains("Phase");

    Command.Result uninstalled = helm.run("--kubeconfig", kubeconfig, "uninstall", "crds", "--namespace", namespace,
        "--wait");
    assertThat(uninstalled.exitCode()).as(uninstalled.stderr()).isZero();
    assertThat(uninstalled.stdout() + uninstalled.stderr()).contains("resource policy");
    assertThat(client.apiextensions().v1().customResourceDefinitions().withName(DASHBOARDS_CRD).get())
        .as("kept, and with it every Dashboard").isNotNull();
    assertThat(printerColumns(client)).contains("Phase");
  }

  @Test
  void everyValueIsDocumentedAndChangesWhatItSays() throws IOException {
    List<String> keys = valueKeys();
    String guide = Files.readString(Project.path("docs/install.md"));
    Set<String> tested = valueCases().map(ValueCase::key).collect(Collectors.toSet());

    assertThat(keys).hasSizeGreaterThan(20);
    assertThat(keys).allSatisfy(key -> assertThat(guide).as("docs/install.md documents " + key)
        .contains("`" + key + "`"));
    assertThat(tested).as("values with a case in valueCases()").containsExactlyInAnyOrderElementsOf(keys);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueCases")
  void aValueChangesWhatItSays(ValueCase value) {
    value.check().accept(render(value.set()));
  }

  /** One value, set, and what it must change in the render. */
  record ValueCase(String key, Map<String, String> set, Consumer<Rendered> check) {
    @Override
    public String toString() {
      return key + " " + set;
    }
  }

  static Stream<ValueCase> valueCases() {
    return Stream.of(
        new ValueCase("nameOverride", Map.of("nameOverride", "aq"), r -> assertThat(r.one(Deployment.class)
            .getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "aq")),
        new ValueCase("fullnameOverride", Map.of("fullnameOverride", "aq-op"), r -> assertThat(r.objects())
            .filteredOn(o -> !o.getMetadata().getName().startsWith("astralytiq-tenant-"))
            .filteredOn(o -> !(o instanceof CustomResourceDefinition))
            .allSatisfy(o -> assertThat(o.getMetadata().getName()).startsWith("aq-op"))),
        new ValueCase("crds.enabled", Map.of("crds.enabled", "false"),
            r -> assertThat(r.find(CustomResourceDefinition.class)).isEmpty()),
        new ValueCase("crds.keep", Map.of("crds.keep", "false"), r -> assertThat(r.all(CustomResourceDefinition.class))
            .hasSize(2).allSatisfy(crd -> assertThat(crd.getMetadata().getAnnotations()).isNullOrEmpty())),
        new ValueCase("replicaCount", Map.of("replicaCount", "2"),
            r -> assertThat(r.one(Deployment.class).getSpec().getReplicas()).isEqualTo(2)),
        new ValueCase("image.repository", Map.of("image.repository", "registry.example.com/aq"),
            r -> assertThat(container(r).getImage())
                .isEqualTo("registry.example.com/aq:" + ReleaseVersions.chart().appVersion())),
        new ValueCase("image.tag", Map.of("image.tag", "0.2.0"),
            r -> assertThat(container(r).getImage()).isEqualTo("ghcr.io/astralytiq/astralytiq-operator:0.2.0")),
        new ValueCase("image.digest", Map.of("image.digest", "sha256:" + "a".repeat(64)),
            r -> assertThat(container(r).getImage())
                .endsWith(":" + ReleaseVersions.chart().appVersion() + "@sha256:" + "a".repeat(64))),
        new ValueCase("image.pullPolicy", Map.of("image.pullPolicy", "Always"),
            r -> assertThat(container(r).getImagePullPolicy()).isEqualTo("Always")),
        new ValueCase("imagePullSecrets", Map.of("imagePullSecrets", "{regcred}"),
            r -> assertThat(pod(r).getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("regcred")),
        new ValueCase("operator.watchNamespaces", Map.of("operator.watchNamespaces", "{a,b}"),
            r -> assertThat(env(r)).containsEntry("WATCH_NAMESPACES", "a,b")),
        new ValueCase("operator.runtimeImage", Map.of("operator.runtimeImage", "example.com/rt:1"),
            r -> assertThat(env(r)).containsEntry("RUNTIME_IMAGE", "example.com/rt:1")),
        new ValueCase("operator.reconcileConcurrency", Map.of("operator.reconcileConcurrency", "2"),
            r -> assertThat(env(r)).containsEntry("RECONCILE_CONCURRENCY", "2")),
        new ValueCase("operator.resyncPeriod", Map.of("operator.resyncPeriod", "30s"),
            r -> assertThat(env(r)).containsEntry("RESYNC_PERIOD", "30s")),
        new ValueCase("operator.ingressNamespace", Map.of("operator.ingressNamespace", "traefik"),
            r -> assertThat(env(r)).containsEntry("INGRESS_NAMESPACE", "traefik")),
        new ValueCase("operator.monitoringNamespace", Map.of("operator.monitoringNamespace", "prom"),
            r -> assertThat(env(r)).containsEntry("MONITORING_NAMESPACE", "prom")),
        new ValueCase("operator.dnsNamespace", Map.of("operator.dnsNamespace", "openshift-dns"),
            r -> assertThat(env(r)).containsEntry("DNS_NAMESPACE", "openshift-dns")),
        new ValueCase("operator.clusterCidrs", Map.of("operator.clusterCidrs", "{198.19.0.0/16,198.18.128.0/20}"),
            r -> assertThat(env(r)).containsEntry("CLUSTER_CIDRS", "198.19.0.0/16,198.18.128.0/20")),
        new ValueCase("operator.egressAllowedHosts", Map.of("operator.egressAllowedHosts", "{minio.storage.svc}"),
            r -> assertThat(env(r)).containsEntry("EGRESS_ALLOWED_HOSTS", "minio.storage.svc")),
        new ValueCase("operator.allowUnmanagedNamespaces", Map.of("operator.allowUnmanagedNamespaces", "true"),
            r -> assertThat(env(r)).containsEntry("ALLOW_UNMANAGED_NAMESPACES", "true")),
        new ValueCase("operator.healthPort", Map.of("operator.healthPort", "9000"),
            r -> assertThat(env(r)).containsEntry("HEALTH_PORT", "9000")),
        new ValueCase("operator.runbookBaseUrl", Map.of("operator.runbookBaseUrl", "https://wiki.example.com/rb"),
            r -> assertThat(env(r)).containsEntry("RUNBOOK_BASE_URL", "https://wiki.example.com/rb")),
        new ValueCase("operator.scrapeInterval", Map.of("operator.scrapeInterval", "1m"),
            r -> assertThat(env(r)).containsEntry("SCRAPE_INTERVAL", "1m")),
        new ValueCase("operator.monitoringLabels", Map.of("operator.monitoringLabels.release", "prom",
            "operator.monitoringLabels.team", "data"),
            r -> assertThat(env(r)).containsEntry("MONITORING_LABELS", "release=prom,team=data")),
        new ValueCase("operator.caSecretName", Map.of("operator.caSecretName", "our-ca"), r -> {
          assertThat(env(r)).containsEntry("CA_SECRET_NAME", "our-ca");
          assertThat(caRole(r).getRules()).anySatisfy(rule -> assertThat(rule.getResourceNames())
              .containsExactly("our-ca"));
        }),
        new ValueCase("operator.runtimeImagePublicKeys", Map.of("operator.runtimeImagePublicKeys", PUBLIC_KEY),
            r -> assertThat(env(r)).containsEntry("RUNTIME_IMAGE_PUBLIC_KEYS", PUBLIC_KEY)),
        new ValueCase("operator.registryEndpoints", Map.of("operator.registryEndpoints.ghcr\\.io",
            "https://mirror.example.com"),
            r -> assertThat(env(r)).containsEntry("REGISTRY_ENDPOINTS", "ghcr.io=https://mirror.example.com")),
        new ValueCase("operator.registryTimeout", Map.of("operator.registryTimeout", "4s"),
            r -> assertThat(env(r)).containsEntry("REGISTRY_TIMEOUT", "4s")),
        new ValueCase("operator.imageTagLifetime", Map.of("operator.imageTagLifetime", "1m"),
            r -> assertThat(env(r)).containsEntry("IMAGE_TAG_LIFETIME", "1m")),
        new ValueCase("operator.imageVerificationLifetime", Map.of("operator.imageVerificationLifetime", "3h"),
            r -> assertThat(env(r)).containsEntry("IMAGE_VERIFICATION_LIFETIME", "3h")),
        new ValueCase("operator.jvmOptions", Map.of("operator.jvmOptions", "-Xmx200m"),
            r -> assertThat(env(r)).containsEntry("JAVA_TOOL_OPTIONS", "-Xmx200m")),
        new ValueCase("leaderElection.enabled", Map.of("leaderElection.enabled", "false"),
            r -> assertThat(env(r)).doesNotContainKey("LEADER_ELECTION_NAMESPACE")),
        new ValueCase("resources", Map.of("resources.limits.memory", "1Gi"),
            r -> assertThat(container(r).getResources().getLimits()).containsEntry("memory", new Quantity("1Gi"))),
        new ValueCase("podSecurityContext", Map.of("podSecurityContext.runAsUser", "1000"),
            r -> assertThat(pod(r).getSecurityContext().getRunAsUser()).isEqualTo(1000L)),
        new ValueCase("securityContext", Map.of("securityContext.runAsUser", "1001"),
            r -> assertThat(container(r).getSecurityContext().getRunAsUser()).isEqualTo(1001L)),
        new ValueCase("podAnnotations", Map.of("podAnnotations.team", "analytics"), r -> assertThat(
            r.one(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("team",
            "analytics")),
        new ValueCase("podLabels", Map.of("podLabels.team", "analytics"), r -> assertThat(
            r.one(Deployment.class).getSpec().getTemplate().getMetadata().getLabels()).containsEntry("team",
            "analytics")),
        new ValueCase("nodeSelector", Map.of("nodeSelector.pool", "system"),
            r -> assertThat(pod(r).getNodeSelector()).containsEntry("pool", "system")),
        new ValueCase("tolerations", Map.of("tolerations[0].key", "dedicated", "tolerations[0].operator", "Exists"),
            r -> assertThat(pod(r).getTolerations()).singleElement()
                .satisfies(t -> assertThat(t.getKey()).isEqualTo("dedicated"))),
        new ValueCase("priorityClassName", Map.of("priorityClassName", "system-cluster-critical"),
            r -> assertThat(pod(r).getPriorityClassName()).isEqualTo("system-cluster-critical")),
        new ValueCase("metricsService.enabled", Map.of("metricsService.enabled", "false"),
            r -> assertThat(r.find(Service.class)).isEmpty()),
        new ValueCase("metricsService.annotations", Map.of("metricsService.annotations.scrape", "yes"),
            r -> assertThat(r.one(Service.class).getMetadata().getAnnotations()).containsEntry("scrape", "yes")),
        new ValueCase("serviceAccount.create", Map.of("serviceAccount.create", "false"), r -> {
          assertThat(r.find(ServiceAccount.class)).isEmpty();
          assertThat(pod(r).getServiceAccountName()).isEqualTo("default");
        }),
        new ValueCase("serviceAccount.name", Map.of("serviceAccount.name", "aq"), r -> {
          assertThat(r.one(ServiceAccount.class).getMetadata().getName()).isEqualTo("aq");
          assertThat(pod(r).getServiceAccountName()).isEqualTo("aq");
          assertThat(r.one(ClusterRoleBinding.class).getSubjects().get(0).getName()).isEqualTo("aq");
        }),
        new ValueCase("serviceAccount.annotations", Map.of("serviceAccount.annotations.role", "x"),
            r -> assertThat(r.one(ServiceAccount.class).getMetadata().getAnnotations()).containsEntry("role", "x")),
        new ValueCase("rbac.create", Map.of("rbac.create", "false", "replicaCount", "2"), r -> {
          assertThat(r.find(ClusterRoleBinding.class)).isEmpty();
          assertThat(r.find(Role.class)).isEmpty();
          assertThat(r.all(ClusterRole.class)).as("only the tenant roles").allSatisfy(role ->
              assertThat(role.getMetadata().getName()).startsWith("astralytiq-tenant-"));
        }));
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  private static Rendered render(Map<String, String> values) {
    return helm.template(RELEASE, NAMESPACE, values);
  }

  private static PodSpec pod(Rendered chart) {
    return chart.one(Deployment.class).getSpec().getTemplate().getSpec();
  }

  private static Container container(Rendered chart) {
    return pod(chart).getContainers().get(0);
  }

  /** The Role of the leader-election Lease, when the chart renders one. */
  private static Optional<Role> leaseRole(Rendered chart) {
    return chart.all(Role.class).stream().filter(r -> r.getMetadata().getName().endsWith("-leader-election"))
        .findFirst();
  }

  /** The Role of the operator's CA Secret. */
  private static Role caRole(Rendered chart) {
    return chart.all(Role.class).stream().filter(r -> r.getMetadata().getName().endsWith("-ca")).findFirst()
        .orElseThrow();
  }

  private static Map<String, String> env(Rendered chart) {
    return container(chart).getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e.getValue() == null ? "" : e.getValue()));
  }

  /** A Pod from the Deployment's template, as the ReplicaSet controller would make it. */
  private static Pod pod(Deployment deployment, String namespace) {
    return new PodBuilder().withNewMetadata().withName("operator").withNamespace(namespace)
        .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
        .withSpec(deployment.getSpec().getTemplate().getSpec()).build();
  }

  /** Keys of values.yaml, as dotted paths: every leaf, and the BLOCKS as wholes. */
  private static List<String> valueKeys() throws IOException {
    JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(Helm.CHART.resolve("values.yaml").toFile());
    List<String> keys = new ArrayList<>();
    collect("", values, keys);
    return keys;
  }

  private static void collect(String prefix, JsonNode node, List<String> keys) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix + field.getKey();
      if (field.getValue().isObject() && !field.getValue().isEmpty() && !BLOCKS.contains(key)) {
        collect(key + ".", field.getValue(), keys);
      } else {
        keys.add(key);
      }
    }
  }

  /** The committed CRDs by name. */
  private static Map<String, CustomResourceDefinition> committedCrds() {
    return Crds.manifests().stream().map(HelmChartIT::readCrd)
        .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
  }

  private static CustomResourceDefinition readCrd(Path file) {
    try {
      return SERIALIZATION.unmarshal(Files.readString(file), CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the chart with only its CRD template (and helpers), its CRD files changed by {@code change}. */
  private static Path crdOnlyChart(Path dir, Consumer<CustomResourceDefinition> change) throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    Files.createDirectories(dir.resolve("files/crds"));
    for (String file : List.of("Chart.yaml", "values.yaml", "values.schema.json", "templates/_helpers.tpl",
        "templates/crds.yaml")) {
      Files.copy(Helm.CHART.resolve(file), dir.resolve(file));
    }
    for (Path file : Crds.manifests()) {
      CustomResourceDefinition crd = readCrd(file);
      change.accept(crd);
      Files.writeString(dir.resolve("files/crds").resolve(file.getFileName()), SERIALIZATION.asYaml(crd));
    }
    return dir;
  }

  private static List<String> printerColumns(KubernetesClient client) {
    return client.apiextensions().v1().customResourceDefinitions().withName(DASHBOARDS_CRD).get().getSpec()
        .getVersions().stream().flatMap(v -> v.getAdditionalPrinterColumns().stream())
        .map(CustomResourceColumnDefinition::getName).toList();
  }
}
