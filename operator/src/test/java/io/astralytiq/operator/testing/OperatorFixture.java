package io.astralytiq.operator.testing;

import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.operator.OperatorMain;
import io.astralytiq.operator.common.OperatorMetrics;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.testing.Crds;
import io.astralytiq.testing.SimulatedPods;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * The operator running in the test JVM against a real API server, as OperatorMain starts it, with test settings.
 * Each test class gets a namespace of its own so that scenarios never see each other's objects.
 */
public final class OperatorFixture implements AutoCloseable {

  public static final String RUNTIME_IMAGE = "example.test/astralytiq/dashboard-runtime:test";

  private final KubernetesClient client;
  private final KubernetesClient operatorClient;
  private final Operator operator;
  private final OperatorMetrics metrics;
  private boolean simulatedPods;

  private OperatorFixture(KubernetesClient client, KubernetesClient operatorClient, Operator operator,
      OperatorMetrics metrics) {
    this.client = client;
    this.operatorClient = operatorClient;
    this.operator = operator;
    this.metrics = metrics;
  }

  /** From now on, the namespaces this fixture makes send their pods to the kwok nodes (see SimulatedPods). */
  public OperatorFixture simulatingPods() {
    simulatedPods = true;
    return this;
  }

  /** Starts the operator with its own client (so its requests are counted apart from the test's). */
  public static OperatorFixture start(KubernetesClient client, Map<String, String> settings) {
    Crds.install(client);
    ChartTenantRoles.install(client);
    Map<String, String> all = new HashMap<>(Map.of("RUNTIME_IMAGE", RUNTIME_IMAGE,
        "RESYNC_PERIOD", "10m", "RECONCILE_CONCURRENCY", "4", "ALLOW_UNMANAGED_NAMESPACES", "true"));
    all.putAll(settings);
    OperatorMetrics metrics = new OperatorMetrics();
    KubernetesClient operatorClient = OperatorMain.clientBuilder(metrics, client.getConfiguration()).build();
    Operator operator = OperatorMain.start(operatorClient, OperatorConfig.from(all), metrics, Clock.systemUTC());
    return new OperatorFixture(client, operatorClient, operator, metrics);
  }

  public static OperatorFixture start(KubernetesClient client) {
    return start(client, Map.of());
  }

  /** A new namespace of no tenant, with a random suffix (the fixture allows unmanaged namespaces). */
  public String namespace(String prefix) {
    String name = uniqueName(prefix);
    client.resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .withAnnotations(simulatedPods ? SimulatedPods.NAMESPACE_ANNOTATIONS : Map.of()).endMetadata().build()).create();
    return name;
  }

  /** A new Tenant with one namespace of the same name, once the operator has made it; returns that name. */
  public String tenantNamespace(String prefix) {
    return tenantNamespace(prefix, UnaryOperator.identity());
  }

  /** The same, for a Tenant shaped by {@code shape} from its first version (its policy applies from the start). */
  public String tenantNamespace(String prefix, UnaryOperator<Tenant> shape) {
    String name = uniqueName(prefix);
    client.resource(shape.apply(Tenants.of(name, name))).create();
    await("namespace " + name + " of tenant " + name).atMost(Duration.ofSeconds(60)).until(() -> {
      Namespace ns = client.namespaces().withName(name).get();
      return ns != null && name.equals(ns.getMetadata().getLabels().get(Labels.TENANT));
    });
    if (simulatedPods) {
      SimulatedPods.in(client, name);
    }
    return name;
  }

  public static String uniqueName(String prefix) {
    return prefix + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36).toLowerCase(Locale.ROOT);
  }

  public OperatorMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    operator.stop();
    operatorClient.close();
  }
}
