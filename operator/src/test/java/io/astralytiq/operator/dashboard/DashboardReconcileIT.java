package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.AutoscalingSpec;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Create and update against a real API server: the children, their owner and labels, and changes to the spec. */
class DashboardReconcileIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer();

  @Test
  void createsEveryChildOwnedByTheDashboardWithTheDesignLabels() {
    String namespace = operator.tenantNamespace("create");
    Dashboard dashboard = operator.client().resource(Dashboards.minimal(namespace, "orders")).create();

    Deployment deployment = operator.dashboards().awaitPresent("the Deployment", () -> deployment(namespace, "orders"));
    Service service = operator.client().services().inNamespace(namespace).withName(DashboardNames.service(dashboard)).get();
    ServiceAccount account = operator.client().serviceAccounts().inNamespace(namespace)
        .withName(DashboardNames.serviceAccount(dashboard)).get();
    NetworkPolicy policy = operator.client().network().v1().networkPolicies().inNamespace(namespace)
        .withName(DashboardNames.networkPolicy(dashboard)).get();
    List<ConfigMap> definitions = definitions(namespace, "orders");

    assertThat(definitions).hasSize(1);
    for (HasMetadata child : List.of(deployment, service, account, policy, definitions.get(0))) {
      assertThat(child.getMetadata().getOwnerReferences()).as(child.getKind()).singleElement().satisfies(owner -> {
        assertThat(owner.getUid()).isEqualTo(dashboard.getMetadata().getUid());
        assertThat(owner.getController()).isTrue();
      });
      assertThat(child.getMetadata().getLabels()).as(child.getKind())
          .containsEntry(Labels.NAME, Labels.DASHBOARD_APP)
          .containsEntry(Labels.INSTANCE, "orders")
          .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR)
          .containsEntry(Labels.TENANT, namespace);
    }
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(OperatorFixture.RUNTIME_IMAGE);
    assertThat(definitions.get(0).getImmutable()).isTrue();
    assertThat(definitions.get(0).getData().get("dashboard.yaml")).contains("title: Orders");
    assertThat(operator.dashboards().get(namespace, "orders").getStatus().getObservedGeneration())
        .isEqualTo(dashboard.getMetadata().getGeneration());
  }

  @Test
  void aNewDefinitionGetsItsOwnConfigMapAndRollsThePodTemplate() {
    String namespace = operator.namespace("update");
    operator.client().resource(Dashboards.minimal(namespace, "orders")).create();
    String first = operator.dashboards().awaitPresent("the first definition", () -> definitions(namespace, "orders").stream()
        .findFirst().map(cm -> cm.getMetadata().getName()).orElse(null));

    operator.dashboards().edit(namespace, "orders", d -> {
      d.getSpec().setDefinition(Dashboards.definition("Orders by region"));
      return d;
    });

    Deployment rolled = operator.dashboards().awaitPresent("the Deployment on the new definition", () -> {
      Deployment d = deployment(namespace, "orders");
      String mounted = d.getSpec().getTemplate().getSpec().getVolumes().stream()
          .filter(v -> v.getConfigMap() != null).findFirst().orElseThrow().getConfigMap().getName();
      return mounted.equals(first) ? null : d;
    });
    assertThat(definitions(namespace, "orders")).as("the old definition is kept as history").hasSize(2);
    assertThat(rolled.getSpec().getTemplate().getMetadata().getAnnotations()).containsKey(Labels.DEFINITION_HASH);
  }

  @Test
  void placementFieldsAreAcceptedByTheApiServerAndReachThePods() {
    String namespace = operator.namespace("placement");
    Dashboard dashboard = Dashboards.minimal(namespace, "orders");
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setNodeSelector(Map.of("kubernetes.io/os", "linux"));
    runtime.setTolerations(List.of(new TolerationBuilder().withKey("kwok.x-k8s.io/node").withOperator("Exists")
        .withEffect("NoSchedule").build()));
    runtime.setTopologySpreadConstraints(List.of(new TopologySpreadConstraintBuilder().withMaxSkew(1)
        .withTopologyKey("kubernetes.io/hostname").withWhenUnsatisfiable("ScheduleAnyway").build()));
    dashboard.getSpec().setRuntime(runtime);
    operator.client().resource(dashboard).create();

    PodSpec pod = operator.dashboards().awaitPresent("the Deployment", () -> deployment(namespace, "orders"))
        .getSpec().getTemplate().getSpec();

    assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
    assertThat(pod.getTolerations()).singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("kwok.x-k8s.io/node"));
    assertThat(pod.getTopologySpreadConstraints()).singleElement().satisfies(c -> assertThat(
        c.getLabelSelector().getMatchLabels()).containsEntry(Labels.INSTANCE, "orders"));
  }

  @Test
  void fixedReplicasFollowTheSpecAndTheScaleSubresource() {
    String namespace = operator.namespace("replicas");
    Dashboard dashboard = Dashboards.minimal(namespace, "orders");
    dashboard.getSpec().setReplicas(3);
    operator.client().resource(dashboard).create();
    operator.dashboards().awaitPresent("3 replicas", () -> replicasIs(namespace, 3));

    operator.client().resources(Dashboard.class).inNamespace(namespace).withName("orders").scale(5);

    operator.dashboards().awaitPresent("5 replicas after kubectl scale", () -> replicasIs(namespace, 5));
    operator.dashboards().awaitPresent("a disruption budget for more than one pod", () -> operator.client().policy().v1()
        .podDisruptionBudget().inNamespace(namespace).withName("orders").get());
  }

  @Test
  void anAutoscalerOwnsTheReplicaCountAndTheOperatorNeverTakesItBack() {
    String namespace = operator.namespace("hpa");
    Dashboard dashboard = Dashboards.minimal(namespace, "orders");
    AutoscalingSpec autoscaling = new AutoscalingSpec();
    autoscaling.setMinReplicas(2);
    autoscaling.setMaxReplicas(6);
    dashboard.getSpec().setAutoscaling(autoscaling);
    operator.client().resource(dashboard).create();
    var hpa = operator.dashboards().awaitPresent("the autoscaler", () -> operator.client().autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(namespace).withName("orders").get());
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
    operator.dashboards().awaitPresent("the Deployment", () -> deployment(namespace, "orders"));

    // What the autoscaler does: scale the Deployment through its scale subresource.
    operator.client().apps().deployments().inNamespace(namespace).withName("orders").scale(4);
    operator.dashboards().edit(namespace, "orders", d -> {
      d.getSpec().getAutoscaling().setMaxReplicas(8);
      return d;
    });

    operator.dashboards().awaitPresent("the autoscaler updated", () -> operator.client().autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(namespace).withName("orders").get().getSpec().getMaxReplicas() == 8 ? true : null);
    assertThat(deployment(namespace, "orders").getSpec().getReplicas()).as("the autoscaler's choice").isEqualTo(4);
  }

  private static Deployment deployment(String namespace, String name) {
    return operator.client().apps().deployments().inNamespace(namespace).withName(name).get();
  }

  private static Boolean replicasIs(String namespace, int replicas) {
    Deployment d = deployment(namespace, "orders");
    return d != null && d.getSpec().getReplicas() == replicas ? true : null;
  }

  private static List<ConfigMap> definitions(String namespace, String dashboard) {
    return operator.client().configMaps().inNamespace(namespace).withLabel(Labels.INSTANCE, dashboard).list().getItems();
  }
}
