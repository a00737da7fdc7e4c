package io.astralytiq.operator.bench;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantSpec;
import io.astralytiq.api.v1alpha1.TenantStatus;
import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.dashboard.model.DefinitionContent;
import io.astralytiq.operator.testing.Dashboards;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The Java half of {@code hack/bench convergence}: creates objects in parallel and times how long the cluster takes
 * to converge. The script does the rest (cluster, operator process, metrics, memory). Two commands:
 * <ul>
 *   <li>{@code operator}: N Dashboards, round-robin over the namespaces; done when every one has Ready=True;</li>
 *   <li>{@code floor}: the same children the operator would make, created by this plain client with the same
 *       parallelism; done when every Deployment has all its replicas ready.</li>
 * </ul>
 * Both runs' namespaces belong to the tenant "bench" and exist before the clock starts; what is done is counted in
 * an informer's cache, started before the clock too. Progress goes to stderr; the result is the line
 * {@code RESULT seconds=<s>} on stdout, which the script picks out of the log output.
 * Options: --dashboards N, --namespaces N, --threads N, --prefix NAME, --runtime-image IMAGE, --timeout SECONDS.
 */
public final class ConvergenceBenchmark {

  static final String TENANT = "bench";
  /**
   * How often the watch-fed local cache is counted: bounds the measurement's resolution. Watching rather than
   * listing keeps the harness from loading the API server it measures (a list of 1,000 Dashboards every 500 ms is
   * 2,000 objects a second to serialise, more than the operator writes).
   */
  private static final long PROGRESS_MILLIS = 5000;

  private final KubernetesClient client;
  private final BenchOptions options;

  private ConvergenceBenchmark(KubernetesClient client, BenchOptions options) {
    this.client = client;
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !List.of("operator", "floor").contains(args[0])) {
      System.err.println("usage: ConvergenceBenchmark operator|floor [--dashboards N] [--namespaces N] [--threads N]"
          + " [--prefix NAME] [--runtime-image IMAGE] [--timeout SECONDS]");
      System.exit(2);
    }
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      ConvergenceBenchmark bench = new ConvergenceBenchmark(client, new BenchOptions(args, 1));
      double seconds = args[0].equals("operator") ? bench.operatorRun() : bench.floorRun();
      System.out.printf("RESULT seconds=%.1f%n", seconds);
    }
    // fabric8's and the executor's threads must not keep the JVM alive.
    System.exit(0);
  }

  /** Creates the Dashboards and waits until the operator reports every one Ready. */
  private double operatorRun() throws Exception {
    List<String> namespaces = createTenant();
    List<Dashboard> dashboards = dashboards(namespaces);
    Semaphore changes = new Semaphore(0);
    try (SharedIndexInformer<Dashboard> informer = client.resources(Dashboard.class).inAnyNamespace()
        .inform(signalling(changes))) {
      long start = System.nanoTime();
      createAll(dashboards.stream().map(d -> (Runnable) () -> client.resource(d).create()).toList(), start);
      waitUntil("Dashboards Ready=True", start, changes, () -> informer.getStore().list().stream()
          .filter(d -> namespaces.contains(d.getMetadata().getNamespace())).filter(ConvergenceBenchmark::ready)
          .count());
      return seconds(start);
    }
  }

  /**
   * Creates, per dashboard and in the workflow's order, the children {@link DashboardModel} gives, and waits until
   * their Deployments are ready. There is no Dashboard object, so the children carry no ownerReference: one
   * pointing at a Dashboard that does not exist would make the garbage collector delete them at once.
   */
  private double floorRun() throws Exception {
    List<String> namespaces = createNamespaces();
    OperatorConfig config = OperatorConfig.from(Map.of("RUNTIME_IMAGE",
        option("runtime-image", OperatorConfig.DEFAULT_RUNTIME_IMAGE)));
    List<List<HasMetadata>> children = new ArrayList<>();
    for (Dashboard dashboard : dashboards(namespaces)) {
      children.add(children(new DashboardModel(dashboard, config, definition(dashboard), TENANT, null, false, null,
          Set.of())));
    }
    Semaphore changes = new Semaphore(0);
    try (SharedIndexInformer<Deployment> informer = client.apps().deployments().inAnyNamespace()
        .withLabel(Labels.MANAGED_BY, Labels.OPERATOR).inform(signalling(changes))) {
      long start = System.nanoTime();
      createAll(children.stream().map(list -> (Runnable) () -> list.forEach(c -> client.resource(c).create()))
          .toList(), start);
      waitUntil("Deployments with all replicas ready", start, changes, () -> informer.getStore().list().stream()
          .filter(d -> namespaces.contains(d.getMetadata().getNamespace())).filter(ConvergenceBenchmark::rolledOut)
          .count());
      return seconds(start);
    }
  }

  private static List<HasMetadata> children(DashboardModel model) {
    List<HasMetadata> children = Stream.of(model.definitionConfigMap(), Optional.of(model.serviceAccount()),
            Optional.of(model.deployment()), Optional.of(model.service()), model.autoscaler(),
            model.disruptionBudget(), model.ingress(), Optional.of(model.networkPolicy()))
        .flatMap(Optional::stream).map(HasMetadata.class::cast).toList();
    children.forEach(c -> c.getMetadata().setOwnerReferences(null));
    return children;
  }

  /**
   * The definition exactly as the operator writes it into the ConfigMap. The operator's writer is package-private
   * (io.astralytiq.operator.dashboard.inputs.DefinitionYaml), so it is called reflectively rather than copied: a copy
   * could drift and make the floor's ConfigMaps differ from the operator's.
   */
  private static DefinitionContent definition(Dashboard dashboard) {
    try {
      Method write = Class.forName("io.astralytiq.operator.dashboard.inputs.DefinitionYaml")
          .getDeclaredMethod("write", DashboardDefinition.class);
      write.setAccessible(true);
      return DefinitionContent.of((String) write.invoke(null, dashboard.getSpec().getDefinition()), List.of());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot render the definition as the operator does", e);
    }
  }

  /** N minimal Dashboards with one replica, spread round-robin over the namespaces. */
  private List<Dashboard> dashboards(List<String> namespaces) {
    int count = intOption("dashboards", 200);
    List<Dashboard> dashboards = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Dashboard dashboard = Dashboards.minimal(namespaces.get(i % namespaces.size()), String.format("d-%04d", i));
      dashboard.getSpec().setReplicas(1);
      dashboards.add(dashboard);
    }
    return dashboards;
  }

  /** The namespaces of the floor: plain ones, labelled for the tenant as the Tenant controller labels its own. */
  private List<String> createNamespaces() {
    List<String> names = namespaceNames();
    names.forEach(name -> client.resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels(Labels.TENANT, TENANT).endMetadata().build()).serverSideApply());
    return names;
  }

  /**
   * The operator run's namespaces, made as in production: a Tenant lists them, the operator creates them and
   * admits Dashboards there. Waits until the Tenant is Ready, so none of this is in the timed part.
   */
  private List<String> createTenant() throws Exception {
    List<String> names = namespaceNames();
    Tenant tenant = new Tenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName(TENANT).build());
    tenant.setSpec(new TenantSpec());
    tenant.getSpec().setNamespaces(names);
    client.resource(tenant).create();
    long start = System.nanoTime();
    client.resources(Tenant.class).withName(TENANT).waitUntilCondition(t -> t != null && ready(t.getStatus()), 120,
        TimeUnit.SECONDS);
    progress(start, "Tenant %s Ready with namespaces %s..%s", TENANT, names.get(0), names.get(names.size() - 1));
    return names;
  }

  private List<String> namespaceNames() {
    return IntStream.range(0, intOption("namespaces", 10)).mapToObj(i -> option("prefix", "bench") + "-" + i)
        .toList();
  }

  /** Runs the creations on a fixed pool, as a GitOps controller or a script applying many objects would. */
  private void createAll(List<Runnable> creations, long start) throws Exception {
    int threads = intOption("threads", 16);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      creations.forEach(c -> futures.add(pool.submit(c)));
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    progress(start, "created %d sets of objects with %d threads", creations.size(), threads);
  }

  /**
   * Counts {@code done} (how many are finished) each time the informer reports a change, until it reaches the
   * number of dashboards; the finishing time is the change that completed it, not the next poll.
   */
  private void waitUntil(String what, long start, Semaphore changes, CountingCheck done) throws Exception {
    int count = intOption("dashboards", 200);
    long deadline = start + TimeUnit.SECONDS.toNanos(intOption("timeout", 1800));
    long lastProgress = 0;
    while (true) {
      changes.drainPermits();
      long finished = done.count();
      if (finished >= count) {
        progress(start, "%s: %d/%d", what, finished, count);
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + ": only " + finished + "/" + count + " before the timeout");
      }
      if (System.nanoTime() - lastProgress > TimeUnit.MILLISECONDS.toNanos(PROGRESS_MILLIS)) {
        progress(start, "%s: %d/%d", what, finished, count);
        lastProgress = System.nanoTime();
      }
      changes.tryAcquire(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** An informer handler that only signals that something changed. */
  private static <T> ResourceEventHandler<T> signalling(Semaphore changes) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        changes.release();
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        changes.release();
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        changes.release();
      }
    };
  }

  private static boolean ready(Dashboard dashboard) {
    return dashboard.getStatus() != null && readyCondition(dashboard.getStatus().getConditions());
  }

  private static boolean ready(TenantStatus status) {
    return status != null && readyCondition(status.getConditions());
  }

  private static boolean readyCondition(List<Condition> conditions) {
    return conditions != null && conditions.stream()
        .anyMatch(c -> DashboardConditions.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean rolledOut(Deployment deployment) {
    Predicate<Integer> all = n -> n != null && n >= deployment.getSpec().getReplicas();
    return deployment.getStatus() != null && all.test(deployment.getStatus().getReadyReplicas())
        && all.test(deployment.getStatus().getUpdatedReplicas());
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void progress(long start, String format, Object... args) {
    System.err.printf("  [%6.1fs] %s%n", seconds(start), String.format(format, args));
  }

  private String option(String name, String fallback) {
    return options.string(name, fallback);
  }

  private int intOption(String name, int fallback) {
    return options.integer(name, fallback);
  }

  @FunctionalInterface
  private interface CountingCheck {
    long count() throws Exception;
  }
}
