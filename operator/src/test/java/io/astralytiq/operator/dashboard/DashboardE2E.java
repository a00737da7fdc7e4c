package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.LocalCluster;
import io.astralytiq.testing.LocalCluster.Cluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In the full local control plane: dashboards become Ready, kubectl wait works, deletion collects children. */
@ExtendWith(LocalCluster.class)
class DashboardE2E {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onLocalCluster();

  @Test
  void aDashboardBecomesReadyAndKubectlWaitSeesIt(Cluster cluster) {
    String namespace = operator.tenantNamespace("e2e-ready");
    Dashboard dashboard = Dashboards.minimal(namespace, "orders");
    dashboard.getSpec().setReplicas(2);
    operator.client().resource(dashboard).create();

    Command.Result wait = cluster.kubectl().run("wait", "--for=condition=Ready", "dashboard/orders", "-n", namespace,
        "--timeout=90s");

    assertThat(wait.exitCode()).as(wait.stderr()).isZero();
    Dashboard ready = operator.dashboards().get(namespace, "orders");
    assertThat(ready.getStatus().getPhase()).isEqualTo(DashboardPhase.Ready);
    assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(2);
    assertThat(ready.getStatus().getReplicas()).isEqualTo(2);
    // Its Ready status is written after any Event of this reconcile: by now an Event would be there.
    assertThat(operator.dashboards().events(namespace, "orders")).as("a first start as asked is no news")
        .noneMatch(e -> DashboardConditions.REASON_READY.equals(e.getReason()));
    Command.Result get = cluster.kubectl().run("get", "dashboards", "-n", namespace);
    assertThat(get.stdout()).containsPattern("orders\\s+Ready\\s+2\\s+2");
  }

  @Test
  void deletingADashboardCollectsItsChildrenAndNothingElse() {
    String namespace = operator.namespace("e2e-delete");
    operator.client().resource(Dashboards.minimal(namespace, "orders")).create();
    operator.client().resource(new ConfigMapBuilder().withNewMetadata().withName("team-notes").withNamespace(namespace)
        .endMetadata().addToData("note", "not the operator's").build()).create();
    operator.dashboards().awaitCondition(namespace, "orders", DashboardConditions.READY, "True", DashboardConditions.REASON_READY);

    operator.client().resources(Dashboard.class).inNamespace(namespace).withName("orders").delete();

    operator.dashboards().awaitAbsent("the Deployment collected", () -> operator.client().apps().deployments().inNamespace(namespace)
        .withName("orders").get());
    operator.dashboards().awaitAbsent("the Service collected", () -> operator.client().services().inNamespace(namespace)
        .withName("orders").get());
    operator.dashboards().awaitAbsent("the pods collected", () -> operator.client().pods().inNamespace(namespace).list().getItems()
        .isEmpty() ? null : "pods left");
    operator.dashboards().awaitAbsent("the definition ConfigMaps collected", () -> operator.client().configMaps().inNamespace(namespace)
        .withLabel("app.kubernetes.io/instance", "orders").list().getItems().isEmpty() ? null : "left");
    assertThat(operator.client().configMaps().inNamespace(namespace).withName("team-notes").get()).isNotNull();
  }

  @Test
  void whenTheDashboardHoldingAHostGoesTheNextClaimTakesItOver() {
    String namespace = operator.namespace("e2e-host");
    operator.client().resource(withHost(Dashboards.minimal(namespace, "first"))).create();
    operator.dashboards().awaitPresent("the first Ingress", () -> operator.client().network().v1().ingresses().inNamespace(namespace)
        .withName("first").get());
    operator.client().resource(withHost(Dashboards.minimal(namespace, "second"))).create();
    operator.dashboards().awaitCondition(namespace, "second", DashboardConditions.READY, "False",
        DashboardConditions.REASON_HOST_CONFLICT);

    operator.client().resources(Dashboard.class).inNamespace(namespace).withName("first").delete();

    operator.dashboards().awaitPresent("the second Ingress", () -> operator.client().network().v1().ingresses().inNamespace(namespace)
        .withName("second").get());
    operator.dashboards().awaitCondition(namespace, "second", DashboardConditions.READY, "True", DashboardConditions.REASON_READY);
  }

  /** Plain HTTP: the host is what this test is about, and this cluster has no cert-manager for the default TLS. */
  private static Dashboard withHost(Dashboard dashboard) {
    return Dashboards.withTls(dashboard, "takeover.example.com", IngressTls.TlsMode.None, null);
  }
}
