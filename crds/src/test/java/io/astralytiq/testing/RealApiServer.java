package io.astralytiq.testing;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real kube-apiserver and etcd on loopback, started once per test JVM and shared by every test class that
 * extends with it. Parameters of type {@link KubernetesClient} and {@link ApiServer} are injected.
 * The binaries come from hack/ensure-test-binaries; nothing is downloaded.
 */
public final class RealApiServer implements ParameterResolver {

  /** A running API server: its admin client and a kubeconfig file for kubectl. */
  public record ApiServer(KubernetesClient client, Path kubeconfig) {

    public Kubectl kubectl() {
      return new Kubectl(Project.testBinaries().resolve("kubectl"), kubeconfig);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class || type == ApiServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ApiServer server = shared(context).server;
    return parameter.getParameter().getType() == ApiServer.class ? server : server.client();
  }

  /** The API server of this test JVM, started on first use; for extensions that build on it. */
  public static ApiServer apiServer(ExtensionContext context) {
    return shared(context).server;
  }

  private static Shared shared(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
  }

  /**
   * A server of its own, for a test that must see no other test's objects; the caller closes it. It keeps its
   * certificates in a directory of its own: kube-api-test writes them into its test directory, and the shared
   * server reloads its client CA from there, so a second server in the same directory would lock its clients out.
   */
  public static Shared isolated() {
    return isolated(List.of());
  }

  /** An isolated server started with extra kube-apiserver flags (a low max-in-flight, say). */
  public static Shared isolated(List<String> flags) {
    try {
      Path dir = Files.createTempDirectory("astralytiq-kubeapitest-");
      Files.createSymbolicLink(dir.resolve("k8s"), Project.testBinaries().getParent());
      return Shared.start(dir, flags);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A running kube-apiserver and etcd process pair, with its admin client. */
  public static final class Shared implements AutoCloseable {
    private final KubeAPIServer process;
    private final ApiServer server;

    private Shared(KubeAPIServer process, ApiServer server) {
      this.process = process;
      this.server = server;
    }

    public ApiServer server() {
      return server;
    }

    static Shared start() {
      return start(Project.testBinaries().getParent().getParent(), List.of());
    }

    static Shared start(Path testDir, List<String> flags) {
      if (!Files.isExecutable(Project.testBinaries().resolve("kube-apiserver"))) {
        throw new IllegalStateException("no kube-apiserver in " + Project.testBinaries()
            + ": run hack/ensure-test-binaries (Maven does so before the integration tests)");
      }
      KubeAPIServer process = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
          .withTestDir(testDir.toString())
          .withApiServerVersion(Project.kubernetesVersion())
          .withOfflineMode(true)
          .withApiServerFlags(flags)
          .build());
      process.start();
      String kubeconfigYaml = process.getKubeConfigYaml();
      try {
        Path kubeconfig = Files.createTempFile("astralytiq-it-", ".kubeconfig");
        kubeconfig.toFile().deleteOnExit();
        Files.writeString(kubeconfig, kubeconfigYaml);
        KubernetesClient client = new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
        return new Shared(process, new ApiServer(client, kubeconfig));
      } catch (IOException e) {
        process.stop();
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      server.client().close();
      process.stop();
    }
  }
}
