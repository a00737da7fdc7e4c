package io.astralytiq.operator.testing;

import io.astralytiq.testing.LocalCluster;
import io.astralytiq.testing.RealApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.function.Function;
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
    RealApiServer.Shared[] own = new RealApiServer.Shared[1];
    RunningOperator operator = new RunningOperator(context -> {
      own[0] = RealApiServer.isolated();
      return own[0].server().client();
    }, settings);
    operator.onClose = () -> own[0].close();
    return operator;
  }

  /** On the full local control plane, where pods run and the garbage collector collects. */
  public static RunningOperator onLocalCluster(Map<String, String> settings) {
    return new RunningOperator(context -> LocalCluster.cluster(context).client(), settings);
  }

  public static RunningOperator onLocalCluster() {
    return onLocalCluster(Map.of());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    client = cluster.apply(context);
    fixture = OperatorFixture.start(client, settings);
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
    fixture = OperatorFixture.start(client, settings);
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
}
