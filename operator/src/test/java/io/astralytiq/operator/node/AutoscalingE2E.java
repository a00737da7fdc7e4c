package io.astralytiq.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.testing.AutoscaleRun;
import io.astralytiq.operator.testing.RealNode;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.testing.LocalCluster;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Autoscaling with real CPU numbers: metrics-server scrapes the real node's kubelet, the HPA the operator wrote
 * scales the Deployment under a bounded load on a heavy panel and back down after it (the local cluster's
 * kube-controller-manager waits 30 s, not 5 minutes, before scaling down: hack/kwok/kwokctl.yaml), and the operator
 * never takes the replica count back.
 */
@ExtendWith(LocalCluster.class)
class AutoscalingE2E {

  private static final int MIN = 1;
  private static final int MAX = 3;

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onRealNode(Map.of("RUNTIME_IMAGE", RealNode.runtimeImage()));

  @Test
  void aDashboardScalesUpUnderLoadAndBackDownWithinItsBoundsAndOnlyTheAutoscalerSetsItsReplicas() throws Exception {
    String namespace = operator.namespace("autoscale");
    Dashboard dashboard = AutoscaleRun.heavyDashboard(namespace, "pairs", MIN, MAX, 50);
    operator.client().resource(dashboard).create();
    operator.dashboards().awaitCondition(namespace, "pairs", DashboardConditions.READY, "True",
        DashboardConditions.REASON_READY, RealDashboardsE2E.UP);
    // Real numbers before any load: the HPA reads the pod's CPU through metrics.k8s.io.
    await("the HPA reading the pod's CPU from metrics-server").atMost(Duration.ofMinutes(2))
        .until(() -> condition(namespace, DashboardNames.autoscaler(dashboard), "ScalingActive"), c -> c != null && "True".equals(c.getStatus()));

    AutoscaleRun.Result result = AutoscaleRun.run(operator.client(), dashboard, AutoscaleRun.Bounds.standard(),
        System.out::println);

    assertThat(result.scaleUpSeconds()).as("scaled up under load: %s", result).isGreaterThanOrEqualTo(0);
    assertThat(result.maxReplicas()).as("at most maxReplicas: %s", result).isBetween(MIN + 1, MAX);
    assertThat(result.minReplicas()).as("never below minReplicas: %s", result).isGreaterThanOrEqualTo(MIN);
    assertThat(result.scaleDownSeconds()).as("back at minReplicas after the load: %s", result)
        .isGreaterThanOrEqualTo(0);
    assertThat(result.sent()).isPositive();
    assertThat(result.failed()).as("requests that failed: %s", result).isLessThan(result.sent());
    // The HPA alone sets the count: the operator's server-side apply leaves spec.replicas out while an autoscaler
    // exists, so it never owns the field, and every count the Deployment showed is one the HPA asked for (or the
    // default of a Deployment created without replicas: 1, here minReplicas).
    assertThat(result.replicaManagers()).as("managers of spec.replicas: %s", result.observations())
        .doesNotContain(AutoscaleRun.OPERATOR_MANAGER);
    assertThat(result.autoscalerDesired()).as("counts the HPA asked for: %s", result).contains(MIN, result.maxReplicas());
    assertThat(result.replicaCounts()).as("counts the Deployment showed: %s", result)
        .isSubsetOf(union(result.autoscalerDesired(), MIN));
    assertThat(operator.client().apps().deployments().inNamespace(namespace)
        .withName(DashboardNames.deployment(dashboard)).get().getSpec().getReplicas()).isEqualTo(MIN);
    operator.dashboards().awaitCondition(namespace, "pairs", DashboardConditions.READY, "True",
        DashboardConditions.REASON_READY, RealDashboardsE2E.UP);
  }

  private static Set<Integer> union(Set<Integer> counts, int count) {
    Set<Integer> all = new TreeSet<>(counts);
    all.add(count);
    return all;
  }

  private static HorizontalPodAutoscalerCondition condition(String namespace, String name, String type) {
    HorizontalPodAutoscaler hpa = operator.client().autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(namespace).withName(name).get();
    return hpa == null || hpa.getStatus() == null || hpa.getStatus().getConditions() == null ? null
        : hpa.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }
}
