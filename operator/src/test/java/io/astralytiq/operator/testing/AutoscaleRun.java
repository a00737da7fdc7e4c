package io.astralytiq.operator.testing;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One autoscaling cycle of a Dashboard on the real node, observed: a bounded CPU-heavy load on its panels through the
 * API server's service proxy (users fetching a heavy panel again and again), then none. A watch on the Deployment
 * records every spec.replicas it shows and which field managers own that field, and a watch on the HPA every count it
 * asked for (status.desiredReplicas), so a caller can tell who set the count.
 *
 * <p>Shared by {@code AutoscalingE2E} (which asserts) and {@code AutoscaleBenchmark} (which prints the times).
 */
public final class AutoscaleRun {

  /** The field manager of every write of the operator (OperatorMain). */
  public static final String OPERATOR_MANAGER = "astralytiq-operator";

  /** The sample orders (20,000 rows) joined with themselves on product: about 80 million pairs for DuckDB per fetch. */
  public static final String HEAVY_QUERY = "SELECT a.region, count(*) AS pairs, avg(abs(a.amount - b.amount)) AS spread"
      + " FROM orders a JOIN orders b ON a.product = b.product GROUP BY a.region ORDER BY a.region";

  /** One replica count the Deployment showed, when (ms since the run started) and the managers owning it then. */
  public record Observation(long atMillis, int replicas, Set<String> replicaManagers) {}

  /**
   * @param scaleUpSeconds from the load's start to the first count above minReplicas (-1: never)
   * @param scaleDownSeconds from the load's end to the count back at minReplicas (-1: never)
   */
  public record Result(double scaleUpSeconds, int maxReplicas, int minReplicas, double scaleDownSeconds, long sent,
      long failed, List<Observation> observations, Set<Integer> autoscalerDesired) {

    /** Every count the Deployment showed. */
    public Set<Integer> replicaCounts() {
      Set<Integer> counts = new TreeSet<>();
      observations.forEach(o -> counts.add(o.replicas()));
      return counts;
    }

    /** Every manager that owned spec.replicas at some point of the run. */
    public Set<String> replicaManagers() {
      Set<String> all = new TreeSet<>();
      observations.forEach(o -> all.addAll(o.replicaManagers()));
      return all;
    }
  }

  /** How long the load runs at most, how long it goes on after the first scale up, how long to wait for the scale down. */
  public record Bounds(int users, Duration maxLoad, Duration afterScaleUp, Duration maxScaleDown, long maxRequests) {
    public static Bounds standard() {
      return new Bounds(2, Duration.ofMinutes(4), Duration.ofSeconds(60), Duration.ofMinutes(4), 5_000);
    }
  }

  private AutoscaleRun() {}

  /** A Dashboard of one heavy panel on the sample orders, autoscaled between min and max at the given CPU target. */
  public static Dashboard heavyDashboard(String namespace, String name, int min, int max, int targetPercent) {
    Dashboard dashboard = Serialization.unmarshal("""
        apiVersion: astralytiq.io/v1alpha1
        kind: Dashboard
        metadata: {name: %s, namespace: %s}
        spec:
          definition:
            title: Order pairs by region
            # Results are cached per refresh interval: a short one, so that each fetch runs the query.
            refresh: 100ms
            datasets: [{name: orders, format: sample, sample: orders}]
            panels:
            - {id: pairs, title: Pairs of orders of one product, type: table, query: '%s',
               grid: {col: 0, row: 0, width: 12, height: 4}}
          runtime:
            resources: {requests: {cpu: 100m}, limits: {cpu: 500m}}
          autoscaling: {minReplicas: %d, maxReplicas: %d, targetCPUUtilizationPercentage: %d}
        """.formatted(name, namespace, HEAVY_QUERY, min, max, targetPercent), Dashboard.class);
    return dashboard;
  }

  /** Runs the load, then waits for the scale down; the Dashboard's pods are expected ready at minReplicas. */
  public static Result run(KubernetesClient client, Dashboard dashboard, Bounds bounds, Consumer<String> log)
      throws InterruptedException {
    String namespace = dashboard.getMetadata().getNamespace();
    int min = dashboard.getSpec().getAutoscaling().getMinReplicas();
    long start = System.nanoTime();
    List<Observation> observations = Collections.synchronizedList(new ArrayList<>());
    AtomicLong firstAboveMin = new AtomicLong(-1);
    Set<Integer> desired = ConcurrentHashMap.newKeySet();
    try (Watch hpa = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace)
        .withName(DashboardNames.autoscaler(dashboard)).watch(new Watcher<>() {
          @Override
          public void eventReceived(Action action, HorizontalPodAutoscaler autoscaler) {
            if (autoscaler.getStatus() != null && autoscaler.getStatus().getDesiredReplicas() != null) {
              desired.add(autoscaler.getStatus().getDesiredReplicas());
            }
          }

          @Override
          public void onClose(WatcherException cause) {
            log.accept("the watch of the HPA closed: " + cause);
          }
        });
        Watch deployments = client.apps().deployments().inNamespace(namespace)
        .withName(DashboardNames.deployment(dashboard)).watch(new Watcher<>() {
          @Override
          public void eventReceived(Action action, Deployment deployment) {
            Integer replicas = deployment.getSpec().getReplicas();
            Observation o = new Observation(millisSince(start), replicas == null ? 0 : replicas,
                replicaManagers(deployment));
            if (observations.isEmpty() || observations.get(observations.size() - 1).replicas() != o.replicas()) {
              log.accept("t=" + o.atMillis() / 1000 + "s replicas=" + o.replicas() + " owned by " + o.replicaManagers());
            }
            observations.add(o);
            if (o.replicas() > min) {
              firstAboveMin.compareAndSet(-1, o.atMillis());
            }
          }

          @Override
          public void onClose(WatcherException cause) {
            log.accept("the watch of the Deployment closed: " + cause);
          }
        })) {
      AtomicLong sent = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService users = Executors.newFixedThreadPool(bounds.users());
      long loadStart = millisSince(start);
      for (int i = 0; i < bounds.users(); i++) {
        users.submit(() -> {
          while (!stop.get() && sent.incrementAndGet() <= bounds.maxRequests()) {
            try {
              if (RealNode.get(client, namespace, DashboardNames.service(dashboard), "/api/panels") == null) {
                failed.incrementAndGet();
              }
            } catch (RuntimeException e) {
              failed.incrementAndGet();
            }
          }
        });
      }
      long loadDeadline = loadStart + bounds.maxLoad().toMillis();
      while (millisSince(start) < loadDeadline && sent.get() < bounds.maxRequests()
          && (firstAboveMin.get() < 0 || millisSince(start) < firstAboveMin.get() + bounds.afterScaleUp().toMillis())) {
        Thread.sleep(500);
      }
      stop.set(true);
      users.shutdown();
      users.awaitTermination(1, TimeUnit.MINUTES);
      long loadEnd = millisSince(start);
      long sentCount = Math.min(sent.get(), bounds.maxRequests());
      log.accept("load over after " + (loadEnd - loadStart) / 1000 + "s: " + sentCount + " requests, " + failed.get()
          + " failed");
      long downDeadline = loadEnd + bounds.maxScaleDown().toMillis();
      long backAtMin = -1;
      while (millisSince(start) < downDeadline && backAtMin < 0) {
        Observation last = last(observations);
        if (firstAboveMin.get() >= 0 && last != null && last.replicas() == min) {
          backAtMin = last.atMillis();
        }
        Thread.sleep(500);
      }
      List<Observation> seen = List.copyOf(observations);
      int max = seen.stream().mapToInt(Observation::replicas).max().orElse(0);
      int lowest = seen.stream().mapToInt(Observation::replicas).min().orElse(0);
      return new Result(firstAboveMin.get() < 0 ? -1 : (firstAboveMin.get() - loadStart) / 1000.0, max, lowest,
          backAtMin < 0 ? -1 : Math.max(0, backAtMin - loadEnd) / 1000.0, sentCount, failed.get(), seen,
          new TreeSet<>(desired));
    }
  }

  /** The managers (with their subresource, as kube-controller-manager/scale) whose fields include spec.replicas. */
  public static Set<String> replicaManagers(Deployment deployment) {
    Set<String> managers = new TreeSet<>();
    for (ManagedFieldsEntry entry : deployment.getMetadata().getManagedFields()) {
      if (entry.getFieldsV1() != null && entry.getFieldsV1().getAdditionalProperties().get("f:spec") instanceof Map<?, ?> spec
          && spec.containsKey("f:replicas")) {
        managers.add(entry.getManager() + (entry.getSubresource() == null || entry.getSubresource().isEmpty() ? ""
            : "/" + entry.getSubresource()));
      }
    }
    return managers;
  }

  private static Observation last(List<Observation> observations) {
    synchronized (observations) {
      return observations.isEmpty() ? null : observations.get(observations.size() - 1);
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
