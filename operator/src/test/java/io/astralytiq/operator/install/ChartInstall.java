package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.install.Helm.Rendered;
import io.astralytiq.testing.Crds;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The parts of the chart a cluster admin's {@code helm install} creates before the operator runs: its CRDs, then its
 * ServiceAccount, roles and bindings, as rendered. The operator itself runs in the test JVM.
 */
final class ChartInstall {

  static final String RELEASE = "astralytiq-operator";
  private static final String FIELD_MANAGER = "astralytiq-tests";

  private final Rendered chart;

  private ChartInstall(Rendered chart) {
    this.chart = chart;
  }

  /** Renders the chart into {@code namespace} (which must exist) and applies its CRDs and RBAC as {@code admin}. */
  static ChartInstall apply(KubernetesClient admin, Helm helm, String namespace, Map<String, String> values) {
    Rendered chart = helm.template(RELEASE, namespace, values);
    installCrds(admin, chart);
    Stream.of(ServiceAccount.class, ClusterRole.class, ClusterRoleBinding.class, Role.class, RoleBinding.class)
        .flatMap(kind -> chart.all(kind).stream())
        .forEach(object -> admin.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply());
    return new ChartInstall(chart);
  }

  Rendered rendered() {
    return chart;
  }

  /** The user name of the chart's ServiceAccount, for impersonation. */
  String serviceAccountUser() {
    ServiceAccount account = chart.one(ServiceAccount.class);
    return ImpersonatedOperator.serviceAccountUser(account.getMetadata().getNamespace(),
        account.getMetadata().getName());
  }

  /** The operator container's environment, as the chart's Deployment sets it. */
  Map<String, String> environment() {
    return chart.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e.getValue() == null ? "" : e.getValue()));
  }

  /**
   * The operator's settings from the chart's environment, for an operator in this JVM: without leader election
   * (JOSDK calls System.exit when a leader stops leading) and without the JVM options.
   */
  Map<String, String> operatorSettings() {
    Map<String, String> settings = new HashMap<>(environment());
    settings.remove("LEADER_ELECTION_NAMESPACE");
    settings.remove("JAVA_TOOL_OPTIONS");
    return settings;
  }

  private static void installCrds(KubernetesClient admin, Rendered chart) {
    List<CustomResourceDefinition> crds = chart.all(CustomResourceDefinition.class);
    assertThat(crds).as("the chart's CRDs (crds.enabled)").isNotEmpty();
    for (CustomResourceDefinition crd : crds) {
      admin.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
      Awaitility.await("CRD " + crd.getMetadata().getName()).atMost(Duration.ofSeconds(30))
          .until(() -> Crds.isEstablished(admin, crd.getMetadata().getName()));
    }
  }
}
