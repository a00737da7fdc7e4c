package io.astralytiq.operator.bench;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantSpec;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RealNode;
import io.astralytiq.testing.SimulatedPods;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The Java half of {@code hack/bench chaos}: the script kills the operator and restarts the API server and etcd;
 * this makes the load and judges the end. Three commands:
 * <ul>
 *   <li>{@code setup}: Tenants with one namespace each and Dashboards spread over them, on a good image; waits until
 *       every one is Ready and prints {@code RESULT seconds=};</li>
 *   <li>{@code churn}: new revisions, good (a new image tag or a new title) and bad (an image whose pods crash-loop
 *       on the simulated nodes), one every {@code --interval-ms}, each Dashboard at most once per
 *       {@code --min-gap-s}, until the file {@code --stop-file} exists; a write the API server fails is counted and
 *       left, as a user would after an error; prints {@code RESULT changes= good= bad= failed_writes=};</li>
 *   <li>{@code specs}: writes every Dashboard's spec, one line each, to the file {@code --specs};</li>
 *   <li>{@code check}: waits until the cluster has settled ({@link ChaosVerdict#settled()}) or {@code --settle-s}
 *       have passed, then prints what is wrong as {@code RESULT settle_s= ...} ({@link ChaosVerdict}); with
 *       {@code --specs}, also how many Dashboards have the spec that file recorded ({@code specs_as_recorded=}).</li>
 * </ul>
 * Whether a revision is good is read from the Dashboard itself (its image), never from the operator's status, so
 * the check depends on nothing the operator says about itself.
 *
 * <p>With {@code --real-dashboards N} (and {@code --runtime-image}, {@code --crash-image}) the cluster has a real
 * node: the simulated Dashboards' namespaces send their pods to the kwok nodes, and a Tenant of its own holds N
 * Dashboards that really run dashboard-runtime on the real node; their bad revisions are an image whose process
 * exits at once, their good ones a new title (and the runtime's image again), at most every
 * {@code --real-min-gap-s}; they get {@code --real-share} of the churn's picks, and the churn's result counts their
 * changes ({@code real_changes=}).
 */
public final class ChaosBenchmark {

  static final String GOOD_IMAGE = "example.test/astralytiq/dashboard-runtime:";
  /** The simulated nodes crash-loop a container whose image contains "crashloop" (hack/kwok/stages.yaml). */
  static final String BAD_IMAGE = "example.test/astralytiq/dashboard-runtime-crashloop:";
  static final String PREFIX = "chaos-";
  static final String REAL_NAMESPACE = PREFIX + "real";
  private static final long POLL_MILLIS = 5000;
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final KubernetesClient client;
  private final BenchOptions options;

  private ChaosBenchmark(KubernetesClient client, BenchOptions options) {
    this.client = client;
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !List.of("setup", "churn", "specs", "check").contains(args[0])) {
      System.err.println("usage: ChaosBenchmark setup|churn|specs|check [--tenants N] [--dashboards N] [--seed N]"
          + " [--interval-ms N] [--min-gap-s N] [--bad-share X] [--stop-file PATH] [--settle-s N] [--specs PATH]"
          + " [--progress-deadline-s N] [--real-dashboards N --runtime-image REF --crash-image REF]"
          + " [--real-min-gap-s N] [--real-share X]");
      System.exit(2);
    }
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      ChaosBenchmark bench = new ChaosBenchmark(client, new BenchOptions(args, 1));
      String result = switch (args[0]) {
        case "setup" -> bench.setup();
        case "churn" -> bench.churn();
        case "specs" -> bench.specs();
        default -> bench.check();
      };
      System.out.println("RESULT " + result);
    }
    System.exit(0);
  }

  static boolean bad(String image) {
    return image != null && image.contains("crashloop");
  }

  static String image(Dashboard dashboard) {
    RuntimeSpec runtime = dashboard.getSpec().getRuntime();
    return runtime == null ? null : runtime.getImage();
  }

  static boolean ready(List<Condition> conditions) {
    return conditions != null && conditions.stream()
        .anyMatch(c -> DashboardConditions.READY.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private String setup() throws InterruptedException {
    long start = System.nanoTime();
    List<String> namespaces = namespaces();
    for (String namespace : namespaces) {
      client.resource(tenant(namespace, namespace.equals(REAL_NAMESPACE) ? registryOf(runtimeImage()) : "example.test"))
          .create();
    }
    awaitCount("Tenants Ready", start, namespaces.size(), () -> client.resources(Tenant.class).list().getItems()
        .stream().filter(t -> t.getStatus() != null && ready(t.getStatus().getConditions())).count());
    if (realDashboards() > 0) {
      // Before any Dashboard: a pod is sent to the kwok nodes when it is created.
      simulatedNamespaces().forEach(namespace -> SimulatedPods.in(client, namespace));
    }
    int count = options.integer("dashboards", 200);
    List<String> simulated = simulatedNamespaces();
    for (int i = 0; i < count; i++) {
      Dashboard dashboard = Dashboards.minimal(simulated.get(i % simulated.size()), String.format("d-%03d", i));
      dashboard.getSpec().setReplicas(1);
      RuntimeSpec runtime = new RuntimeSpec();
      runtime.setImage(GOOD_IMAGE + "1");
      dashboard.getSpec().setRuntime(runtime);
      dashboard.getSpec().setRollout(rollout(options.integer("progress-deadline-s", 60)));
      client.resource(dashboard).create();
    }
    for (int i = 0; i < realDashboards(); i++) {
      Dashboard dashboard = RealNode.sampleDashboard(REAL_NAMESPACE, String.format("real-%d", i), "Orders");
      dashboard.getSpec().setReplicas(1);
      RuntimeSpec runtime = new RuntimeSpec();
      runtime.setImage(runtimeImage());
      dashboard.getSpec().setRuntime(runtime);
      // A real JVM starting on a busy machine, and a kubelet stopped for half a minute meanwhile.
      dashboard.getSpec().setRollout(rollout(300));
      client.resource(dashboard).create();
    }
    int all = count + realDashboards();
    awaitCount("Dashboards Ready", start, all, () -> dashboards().stream()
        .filter(d -> d.getStatus() != null && ready(d.getStatus().getConditions())).count());
    return String.format("seconds=%.1f", seconds(start));
  }

  private static Tenant tenant(String namespace, String registry) {
    Tenant tenant = new Tenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName(namespace).build());
    tenant.setSpec(new TenantSpec());
    tenant.getSpec().setNamespaces(List.of(namespace));
    ImagePolicy policy = new ImagePolicy();
    policy.setAllowedRegistries(List.of(registry));
    tenant.getSpec().setImagePolicy(policy);
    return tenant;
  }

  private static RolloutSpec rollout(int progressDeadlineSeconds) {
    RolloutSpec rollout = new RolloutSpec();
    rollout.setProgressDeadlineSeconds(progressDeadlineSeconds);
    return rollout;
  }

  private static String registryOf(String image) {
    return image.substring(0, image.indexOf('/'));
  }

  private String churn() throws InterruptedException {
    Random random = new Random(options.integer("seed", 1));
    Path stop = Path.of(options.string("stop-file", "/nonexistent"));
    long interval = options.integer("interval-ms", 500);
    long minGap = TimeUnit.SECONDS.toNanos(options.integer("min-gap-s", 15));
    long realMinGap = TimeUnit.SECONDS.toNanos(options.integer("real-min-gap-s", 60));
    double badShare = options.decimal("bad-share", 0.3);
    // Three real Dashboards among two hundred would hardly ever be picked: they get a share of the picks instead.
    double realShare = realDashboards() > 0 ? options.decimal("real-share", 0.1) : 0;
    List<String[]> targets = new ArrayList<>();
    List<String[]> realTargets = new ArrayList<>();
    Map<String, Long> lastChanged = new HashMap<>();
    int changes = 0;
    int good = 0;
    int bad = 0;
    int failed = 0;
    int real = 0;
    while (!Files.exists(stop)) {
      Thread.sleep(interval);
      if (targets.isEmpty()) {
        try {
          dashboards().forEach(d -> (d.getMetadata().getNamespace().equals(REAL_NAMESPACE) ? realTargets : targets)
              .add(new String[] {d.getMetadata().getNamespace(), d.getMetadata().getName()}));
        } catch (KubernetesClientException e) {
          failed++;
          continue;
        }
      }
      List<String[]> pool = !realTargets.isEmpty() && random.nextDouble() < realShare ? realTargets : targets;
      String[] target = pool.get(random.nextInt(pool.size()));
      String key = target[0] + "/" + target[1];
      long gap = target[0].equals(REAL_NAMESPACE) ? realMinGap : minGap;
      if (System.nanoTime() - lastChanged.getOrDefault(key, 0L) < gap) {
        continue;
      }
      boolean makeBad = random.nextDouble() < badShare;
      boolean newImage = makeBad || random.nextBoolean();
      int tag = ++changes;
      if (change(target, makeBad, newImage, tag)) {
        lastChanged.put(key, System.nanoTime());
        real += pool == realTargets ? 1 : 0;
        if (makeBad) {
          bad++;
        } else {
          good++;
        }
      } else {
        failed++;
      }
    }
    String result = String.format("changes=%d good=%d bad=%d failed_writes=%d", good + bad, good, bad, failed);
    return realDashboards() > 0 ? result + " real_changes=" + real : result;
  }

  /**
   * One new revision; a conflict (the operator wrote the object meanwhile) is tried again, as kubectl edit would.
   * Another error is left, as a user who sees it would, and counted by the caller.
   */
  private boolean change(String[] target, boolean makeBad, boolean newImage, int tag) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.resources(Dashboard.class).inNamespace(target[0]).withName(target[1]).edit(d -> {
          if (target[0].equals(REAL_NAMESPACE)) {
            // One good image on the real node: a good revision is a new title on it.
            d.getSpec().getRuntime().setImage(makeBad ? crashImage() : runtimeImage());
            d.getSpec().getDefinition().setTitle("Orders " + tag);
          } else if (newImage) {
            d.getSpec().getRuntime().setImage((makeBad ? BAD_IMAGE : GOOD_IMAGE) + tag);
          } else {
            d.getSpec().getDefinition().setTitle("Orders " + tag);
          }
          return d;
        });
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_CONFLICT && attempt < 5) {
          continue;
        }
        System.err.printf("  change %d of %s/%s failed: %s%n", tag, target[0], target[1], e.getMessage());
        return false;
      }
    }
  }

  private String check() throws InterruptedException, IOException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(options.integer("settle-s", 900));
    ChaosVerdict verdict = null;
    while (System.nanoTime() < deadline) {
      try {
        verdict = ChaosVerdict.of(client, namespaces());
      } catch (KubernetesClientException e) {
        progress(start, "the API server failed a read: %s", e.getMessage());
        Thread.sleep(POLL_MILLIS);
        continue;
      }
      if (verdict.settled()) {
        break;
      }
      progress(start, "not settled: %s", verdict.summary());
      Thread.sleep(POLL_MILLIS);
    }
    if (verdict == null) {
      throw new IllegalStateException("the API server answered no read in the settle time");
    }
    verdict.offenders().stream().limit(20).forEach(o -> System.err.println("  offender: " + o));
    String result = String.format("settle_s=%.1f %s", seconds(start), verdict.summary());
    if (options.string("specs", null) != null) {
      Set<String> recorded = Set.copyOf(Files.readAllLines(Path.of(options.string("specs", null))));
      result += " specs_as_recorded=" + specLines().stream().filter(recorded::contains).count() + "/"
          + recorded.size();
    }
    return result;
  }

  private String specs() throws IOException {
    List<String> lines = specLines();
    Files.write(Path.of(options.string("specs", "specs.txt")), lines);
    return "specs=" + lines.size();
  }

  /** What a user asked for, per Dashboard: its spec as JSON (the status and metadata say what happened since). */
  private List<String> specLines() {
    return dashboards().stream().map(d -> d.getMetadata().getNamespace() + "/" + d.getMetadata().getName() + " "
        + SERIALIZATION.asJson(d.getSpec())).sorted().toList();
  }

  private List<Dashboard> dashboards() {
    return client.resources(Dashboard.class).inAnyNamespace().list().getItems().stream()
        .filter(d -> d.getMetadata().getNamespace().startsWith(PREFIX)).toList();
  }

  private List<String> namespaces() {
    return realDashboards() > 0 ? Stream.concat(simulatedNamespaces().stream(), Stream.of(REAL_NAMESPACE)).toList()
        : simulatedNamespaces();
  }

  private List<String> simulatedNamespaces() {
    return IntStream.range(0, options.integer("tenants", 5)).mapToObj(i -> PREFIX + i).toList();
  }

  private int realDashboards() {
    return options.integer("real-dashboards", 0);
  }

  private String runtimeImage() {
    return required("runtime-image");
  }

  private String crashImage() {
    return required("crash-image");
  }

  private String required(String option) {
    String value = options.string(option, null);
    if (value == null) {
      throw new IllegalArgumentException("--" + option + " is required with --real-dashboards");
    }
    return value;
  }

  /** Polls until the count reaches the target, riding out API server errors; fails after 15 minutes. */
  private static void awaitCount(String what, long start, long target, Supplier<Long> count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    while (true) {
      long done;
      try {
        done = count.get();
      } catch (KubernetesClientException e) {
        done = -1;
      }
      if (done >= target) {
        progress(start, "%s: %d/%d", what, done, target);
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + ": only " + done + "/" + target + " in 15 minutes");
      }
      progress(start, "%s: %d/%d", what, done, target);
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void progress(long start, String format, Object... args) {
    System.err.printf("  [%6.1fs] %s%n", seconds(start), String.format(format, args));
  }
}
