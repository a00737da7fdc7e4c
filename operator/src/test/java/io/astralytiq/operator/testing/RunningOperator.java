package io.astralytiq.operator.testing;

import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.testing.LocalCluster;
import io.astralytiq.testing.RealApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The operator running for one test class, on the shared real API server or the full local cluster:
 * {@code @RegisterExtension static final RunningOperator operator = RunningOperator.onApiServer();}
 */
public final class RunningOperator implements BeforeAllCallback, AfterAllCallback {

  private final Function<ExtensionContext, KubernetesClient> cluster;
  private final Map<String, String> settings;
  private boolean simulatedPods;
  private OperatorFixture fixture;
  private KubernetesClient client;
  private DashboardAsserts dashboards;
  private Runnable onClose = () -> { };

  private RunningOperator(Function<ExtensionContext, KubernetesClient> cluster, Map<String, String> settings) {
    this.cluster = cluster;
    this.settings = settings;
  }

  /** On the test JVM's real kube-apiserver and etcd (no controllers: no pods, no garbage collection). */
  public static RunningOperator onApiServer(Map<String, String> settings) {
    return new RunningOperator(context -> RealApiServer.apiServer(context).client(), settings);
  }

  public static RunningOperator onApiServer() {
    return onApiServer(Map.of());
  }

  /**
   * On a kube-apiserver of its own, started for the test class and stopped after it: for a test that counts what
   * the operator does to everything, which other classes' leftovers on the shared server would disturb.
   */
  public static RunningOperator onIsolatedApiServer(Map<String, String> settings) {
    return onIsolatedApiServer(settings, List.of());
  }

  /** On a kube-apiserver of its own started with extra flags (a throttled one, say). */
  public static RunningOperator onIsolatedApiServer(Map<String, String> settings, List<String> apiServerFlags) {
    RealApiServer.Shared[] own = new RealApiServer.Shared[1];
    RunningOperator operator = new RunningOperator(context -> {
      own[0] = RealApiServer.isolated(apiServerFlags);
      return own[0].server().client();
    }, settings);
    operator.onClose = () -> own[0].close();
    return operator;
  }

  /**
   * On the full local cluster, with the pods of its namespaces played by kwok (SimulatedPods): the tier that makes
   * pods fail on demand and scales to many; the garbage collector collects.
   */
  public static RunningOperator onLocalCluster(Map<String, String> settings) {
    RunningOperator operator = new RunningOperator(context -> LocalCluster.cluster(context).client(), settings);
    operator.simulatedPods = true;
    return operator;
  }

  /** On the full local cluster, its pods running on the real node: real images, probes and crashes. */
  public static RunningOperator onRealNode(Map<String, String> settings) {
    return new RunningOperator(context -> LocalCluster.cluster(context).client(), settings);
  }

  public static RunningOperator onLocalCluster() {
    return onLocalCluster(Map.of());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    client = cluster.apply(context);
    fixture = start();
    dashboards = new DashboardAsserts(client);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    fixture.close();
    onClose.run();
  }

  /** Stops the operator and starts a new one on the same cluster, as a crash and a restart would. */
  public void restart() {
    fixture.close();
    fixture = start();
  }

  private OperatorFixture start() {
    OperatorFixture started = OperatorFixture.start(client, settings);
    return simulatedPods ? started.simulatingPods() : started;
  }

  /** The test's admin client (not the operator's). */
  public KubernetesClient client() {
    return client;
  }

  public DashboardAsserts dashboards() {
    return dashboards;
  }

  public OperatorFixture fixture() {
    return fixture;
  }

  public String namespace(String prefix) {
    return fixture.namespace(prefix);
  }

  public String tenantNamespace(String prefix) {
    return fixture.tenantNamespace(prefix);
  }

  public String tenantNamespace(String prefix, UnaryOperator<Tenant> shape) {
    return fixture.tenantNamespace(prefix, shape);
  }
}
