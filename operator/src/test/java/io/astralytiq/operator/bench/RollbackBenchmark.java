package io.astralytiq.operator.bench;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.operator.dashboard.rollout.Revisions;
import io.astralytiq.operator.testing.Dashboards;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * hack/bench rollback's harness: scenario 2 of the rollout tests, timed. Per run, a good dashboard (2 replicas)
 * gets an image whose pods crash-loop; informers on its pods and Deployment take the local time of each event:
 * the first pod of the bad revision showing its failure, the Deployment back on the good revision, and that
 * revision all ready again. Prints one line per run and the medians.
 */
public final class RollbackBenchmark {

  private static final String GOOD = "example.test/app:1";
  private static final String CRASHING = "example.test/app-crashloop:2";

  private RollbackBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<double[]> results = new ArrayList<>();
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      for (int run = 1; run <= runs; run++) {
        double[] result = run(client, "bench-rollback-" + run);
        results.add(result);
        System.out.printf(Locale.ROOT, "run=%d detect_to_rollback_s=%.3f rollback_to_ready_s=%.3f"
            + " apply_to_restored_s=%.3f%n", run, result[0], result[1], result[2]);
      }
    }
    System.out.printf(Locale.ROOT, "RESULT runs=%d detect_to_rollback_s_median=%.3f rollback_to_ready_s_median=%.3f"
        + " apply_to_restored_s_median=%.3f%n", runs, median(results, 0), median(results, 1), median(results, 2));
  }

  private static double[] run(KubernetesClient client, String namespace) throws InterruptedException {
    client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
    Dashboard dashboard = Dashboards.minimal(namespace, "sales");
    dashboard.getSpec().setReplicas(2);
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage(GOOD);
    dashboard.getSpec().setRuntime(runtime);
    RolloutSpec rollout = new RolloutSpec();
    rollout.setProgressDeadlineSeconds(30);
    dashboard.getSpec().setRollout(rollout);
    client.resource(dashboard).create();
    client.resources(Dashboard.class).inNamespace(namespace).withName("sales").waitUntilCondition(d -> d != null
        && d.getStatus() != null && Long.valueOf(1).equals(d.getStatus().getLastGoodRevision()), 3, TimeUnit.MINUTES);
    String good = revision(client.apps().deployments().inNamespace(namespace).withName("sales").get());

    AtomicLong failureVisible = new AtomicLong();
    AtomicLong rollbackApplied = new AtomicLong();
    AtomicLong readyAgain = new AtomicLong();
    CountDownLatch restored = new CountDownLatch(1);
    AtomicLong leftGood = new AtomicLong();
    var pods = client.pods().inNamespace(namespace).inform(handler((Pod pod) -> {
      String revision = pod.getMetadata().getAnnotations() == null ? null
          : pod.getMetadata().getAnnotations().get(Revisions.REVISION_ANNOTATION);
      if (revision != null && !revision.equals(good) && failing(pod)) {
        failureVisible.compareAndSet(0, System.nanoTime());
      }
    }));
    var deployments = client.apps().deployments().inNamespace(namespace).inform(handler((Deployment d) -> {
      long now = System.nanoTime();
      if (!good.equals(revision(d))) {
        leftGood.compareAndSet(0, now);
      } else if (leftGood.get() != 0) {
        rollbackApplied.compareAndSet(0, now);
        if (allReady(d) && readyAgain.compareAndSet(0, now)) {
          restored.countDown();
        }
      }
    }));
    long applied = System.nanoTime();
    client.resources(Dashboard.class).inNamespace(namespace).withName("sales").edit(d -> {
      d.getSpec().getRuntime().setImage(CRASHING);
      return d;
    });
    if (!restored.await(3, TimeUnit.MINUTES)) {
      throw new IllegalStateException("not Ready again on the good revision within 3 minutes");
    }
    pods.close();
    deployments.close();
    client.namespaces().withName(namespace).delete();
    return new double[] {seconds(rollbackApplied.get() - failureVisible.get()),
        seconds(readyAgain.get() - rollbackApplied.get()), seconds(readyAgain.get() - applied)};
  }

  private static boolean failing(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
        && pod.getStatus().getContainerStatuses().stream().anyMatch(c -> c.getRestartCount() > 0
            || c.getState() != null && c.getState().getWaiting() != null
            && "CrashLoopBackOff".equals(c.getState().getWaiting().getReason()));
  }

  private static boolean allReady(Deployment d) {
    var status = d.getStatus();
    int desired = d.getSpec().getReplicas();
    return status != null && status.getObservedGeneration() != null
        && status.getObservedGeneration() >= d.getMetadata().getGeneration()
        && equalsInt(status.getUpdatedReplicas(), desired) && equalsInt(status.getReadyReplicas(), desired)
        && equalsInt(status.getAvailableReplicas(), desired) && equalsInt(status.getReplicas(), desired);
  }

  private static boolean equalsInt(Integer value, int expected) {
    return value != null && value == expected;
  }

  private static String revision(Deployment d) {
    var annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(Revisions.REVISION_ANNOTATION);
  }

  private static <T> ResourceEventHandler<T> handler(java.util.function.Consumer<T> onChange) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onChange.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        // a deleted object says nothing about the rollout
      }
    };
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double median(List<double[]> results, int index) {
    double[] values = results.stream().mapToDouble(r -> r[index]).sorted().toArray();
    return values.length % 2 == 1 ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }
}
