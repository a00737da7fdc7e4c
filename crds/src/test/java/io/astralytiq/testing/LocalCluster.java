package io.astralytiq.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The full local control plane of hack/cluster (etcd, apiserver, controller-manager, scheduler and kwok's
 * simulated nodes), shared by every *E2E class of a test JVM. A cluster that was already up (the demo's) is
 * used and left running; one this extension started is stopped when the JVM's tests end.
 * Parameters of type {@link KubernetesClient} and {@link Cluster} are injected.
 */
public final class LocalCluster implements ParameterResolver {

  /**
   * hack/cluster's name for the tests' cluster; the demo's is "astralytiq". The environment variable
   * ASTRALYTIQ_TEST_CLUSTER overrides it, so that E2E runs sharing one machine each get a cluster of their own.
   */
  public static final String CLUSTER_NAME = Optional.ofNullable(System.getenv("ASTRALYTIQ_TEST_CLUSTER"))
      .map(String::strip).filter(name -> !name.isEmpty()).orElse("astralytiq-test");

  /** A running local cluster: its admin client and kubeconfig, for kubectl. */
  public record Cluster(KubernetesClient client, Path kubeconfig) {

    public Kubectl kubectl() {
      return new Kubectl(Project.testBinaries().resolve("kubectl"), kubeconfig);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class || type == Cluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Cluster cluster = cluster(context);
    return parameter.getParameter().getType() == Cluster.class ? cluster : cluster.client();
  }

  /** The cluster of this test JVM, started on first use; for extensions that build on it. */
  public static Cluster cluster(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(Shared.class, key -> Shared.start(), Shared.class).cluster;
  }

  private static final class Shared implements AutoCloseable {
    private final Cluster cluster;
    private final boolean startedHere;

    private Shared(Cluster cluster, boolean startedHere) {
      this.cluster = cluster;
      this.startedHere = startedHere;
    }

    static Shared start() {
      boolean alreadyUp = hackCluster("status").exitCode() == 0;
      if (!alreadyUp) {
        Command.Result up = hackCluster("up");
        if (up.exitCode() != 0) {
          throw new IllegalStateException("hack/cluster up failed:\n" + up.stdout() + up.stderr());
        }
      }
      Path kubeconfig = Paths.get(hackCluster("kubeconfig").stdout().strip());
      try {
        KubernetesClient client = new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
        return new Shared(new Cluster(client, kubeconfig), !alreadyUp);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      cluster.client().close();
      if (startedHere) {
        hackCluster("down");
      }
    }
  }

  private static Command.Result hackCluster(String command) {
    // A cluster of its own, so that a demo running on the developer's machine never reconciles test objects.
    // A first "up" may build the control plane from source: allow for it.
    return Command.run(List.of("env", "ASTRALYTIQ_CLUSTER=" + CLUSTER_NAME, Project.path("hack/cluster").toString(),
        command), null, Duration.ofMinutes(60));
  }
}
