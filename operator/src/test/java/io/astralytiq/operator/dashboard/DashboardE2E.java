package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.LocalCluster;
import io.astralytiq.testing.LocalCluster.Cluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the full local control plane: dashboards become Ready, kubectl wait works, deletion collects children. */
@ExtendWith(LocalCluster.class)
class DashboardE2E {

  private static OperatorFixture operator;
  private static KubernetesClient client;
  private static DashboardAsserts dashboards;

  @BeforeAll
  static void startOperator(KubernetesClient clusterClient) {
    client = clusterClient;
    operator = OperatorFixture.start(client);
    dashboards = new DashboardAsserts(client);
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void aDashboardBecomesReadyAndKubectlWaitSeesIt(Cluster cluster) {
    String namespace = operator.tenantNamespace("e2e-ready");
    Dashboard dashboard = Dashboards.minimal(namespace, "orders");
    dashboard.getSpec().setReplicas(2);
    client.resource(dashboard).create();

    Command.Result wait = cluster.kubectl().run("wait", "--for=condition=Ready", "dashboard/orders", "-n", namespace,
        "--timeout=90s");

    assertThat(wait.exitCode()).as(wait.stderr()).isZero();
    Dashboard ready = dashboards.get(namespace, "orders");
    assertThat(ready.getStatus().getPhase()).isEqualTo(DashboardPhase.Ready);
    assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(2);
    assertThat(ready.getStatus().getReplicas()).isEqualTo(2);
    dashboards.awaitEvent(namespace, "orders", "Normal", DashboardConditions.REASON_READY);
    Command.Result get = cluster.kubectl().run("get", "dashboards", "-n", namespace);
    assertThat(get.stdout()).containsPattern("orders\\s+Ready\\s+2\\s+2");
  }

  @Test
  void deletingADashboardCollectsItsChildrenAndNothingElse() {
    String namespace = operator.namespace("e2e-delete");
    client.resource(Dashboards.minimal(namespace, "orders")).create();
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("team-notes").withNamespace(namespace)
        .endMetadata().addToData("note", "not the operator's").build()).create();
    dashboards.awaitCondition(namespace, "orders", DashboardConditions.READY, "True", DashboardConditions.REASON_READY);

    client.resources(Dashboard.class).inNamespace(namespace).withName("orders").delete();

    dashboards.awaitAbsent("the Deployment collected", () -> client.apps().deployments().inNamespace(namespace)
        .withName("orders").get());
    dashboards.awaitAbsent("the Service collected", () -> client.services().inNamespace(namespace)
        .withName("orders").get());
    dashboards.awaitAbsent("the pods collected", () -> client.pods().inNamespace(namespace).list().getItems()
        .isEmpty() ? null : "pods left");
    dashboards.awaitAbsent("the definition ConfigMaps collected", () -> client.configMaps().inNamespace(namespace)
        .withLabel("app.kubernetes.io/instance", "orders").list().getItems().isEmpty() ? null : "left");
    assertThat(client.configMaps().inNamespace(namespace).withName("team-notes").get()).isNotNull();
  }

  @Test
  void whenTheDashboardHoldingAHostGoesTheNextClaimTakesItOver() {
    String namespace = operator.namespace("e2e-host");
    client.resource(withHost(Dashboards.minimal(namespace, "first"))).create();
    dashboards.awaitPresent("the first Ingress", () -> client.network().v1().ingresses().inNamespace(namespace)
        .withName("first").get());
    client.resource(withHost(Dashboards.minimal(namespace, "second"))).create();
    dashboards.awaitCondition(namespace, "second", DashboardConditions.READY, "False",
        DashboardConditions.REASON_HOST_CONFLICT);

    client.resources(Dashboard.class).inNamespace(namespace).withName("first").delete();

    dashboards.awaitPresent("the second Ingress", () -> client.network().v1().ingresses().inNamespace(namespace)
        .withName("second").get());
    dashboards.awaitCondition(namespace, "second", DashboardConditions.READY, "True", DashboardConditions.REASON_READY);
  }

  private static Dashboard withHost(Dashboard dashboard) {
    IngressSpec ingress = new IngressSpec();
    ingress.setHost("takeover.example.com");
    dashboard.getSpec().setIngress(ingress);
    return dashboard;
  }
}
