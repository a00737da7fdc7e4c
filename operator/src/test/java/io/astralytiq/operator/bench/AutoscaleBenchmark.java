package io.astralytiq.operator.bench;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.testing.AutoscaleRun;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * hack/bench autoscale's harness: one autoscaling cycle of a heavy Dashboard on the real node (AutoscaleRun), timed
 * where a client sees it (the local receive time of watch events). Arguments: namespace, minReplicas, maxReplicas,
 * CPU target in percent. Prints the replica counts as they change and a RESULT line.
 */
public final class AutoscaleBenchmark {

  private AutoscaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    String namespace = args[0];
    int min = Integer.parseInt(args[1]);
    int max = Integer.parseInt(args[2]);
    int target = Integer.parseInt(args[3]);
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      Dashboard dashboard = AutoscaleRun.heavyDashboard(namespace, "pairs", min, max, target);
      client.resource(dashboard).create();
      client.resources(Dashboard.class).inNamespace(namespace).withName("pairs").waitUntilCondition(d -> d != null
          && d.getStatus() != null && d.getStatus().getConditions().stream().anyMatch(c -> isTrue(c,
          DashboardConditions.READY)), 5, TimeUnit.MINUTES);
      client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace)
          .withName(DashboardNames.autoscaler(dashboard)).waitUntilCondition(AutoscaleBenchmark::scalingActive, 3,
              TimeUnit.MINUTES);
      System.out.println("dashboard Ready, its HPA reading CPU; load starts");
      AutoscaleRun.Result r = AutoscaleRun.run(client, dashboard, AutoscaleRun.Bounds.standard(), System.out::println);
      System.out.printf(Locale.ROOT, "RESULT min_replicas=%d max_replicas=%d target_cpu_percent=%d"
          + " load_to_scale_up_s=%.1f max_replicas_reached=%d load_end_to_scale_down_s=%.1f requests_sent=%d"
          + " requests_failed=%d replica_managers=%s%n", min, max, target, r.scaleUpSeconds(), r.maxReplicas(),
          r.scaleDownSeconds(), r.sent(), r.failed(), String.join(",", r.replicaManagers()));
    }
  }

  private static boolean isTrue(Condition condition, String type) {
    return type.equals(condition.getType()) && "True".equals(condition.getStatus());
  }

  private static boolean scalingActive(HorizontalPodAutoscaler hpa) {
    return hpa != null && hpa.getStatus() != null && hpa.getStatus().getConditions() != null
        && hpa.getStatus().getConditions().stream()
            .anyMatch(c -> "ScalingActive".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
