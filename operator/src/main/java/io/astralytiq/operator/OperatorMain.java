package io.astralytiq.operator;

import io.astralytiq.operator.common.EventRecorder;
import io.astralytiq.operator.common.HealthServer;
import io.astralytiq.operator.common.OperatorMetrics;
import io.astralytiq.operator.common.RewindGuard;
import io.astralytiq.operator.common.StatusEvents;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.DashboardReconciler;
import io.astralytiq.operator.dashboard.images.DashboardImages;
import io.astralytiq.operator.dashboard.rollout.RolloutMetrics;
import io.astralytiq.operator.dashboard.tls.CertificateTools;
import io.astralytiq.operator.tenant.TenantReconciler;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.TokenRefreshInterceptor;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the operator: settings, client, reconcilers, health endpoint. Talks to the cluster of the kubeconfig. */
public final class OperatorMain {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);
  private static final String FIELD_MANAGER = "astralytiq-operator";
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
  /** The exit code when the cluster went back in time (docs/operations.md). */
  static final int EXIT_REWOUND = 3;

  private OperatorMain() {}

  public static void main(String[] args) {
    OperatorConfig config;
    try {
      config = OperatorConfig.fromEnvironment();
    } catch (IllegalArgumentException e) {
      LOG.error("invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    OperatorMetrics metrics = new OperatorMetrics();
    KubernetesClient client = clientBuilder(metrics, Config.autoConfigure(null)).build();
    Operator operator = start(client, config, metrics, Clock.systemUTC());
    HealthServer health = HealthServer.start(config.healthPort(), operator.getRuntimeInfo(), metrics);
    Runtime.getRuntime().addShutdownHook(new Thread(health::stop, "health-shutdown"));
    operator.installShutdownHook(SHUTDOWN_GRACE);
    // Caches from after a restored backup cannot be repaired in place; a new process lists everything again.
    RewindGuard.start(client, message -> {
      LOG.error("{}; exiting with code {} so that a new process lists everything again", message, EXIT_REWOUND);
      System.exit(EXIT_REWOUND);
    });
  }

  /** A client for {@code config}'s cluster, counting its requests in {@code metrics}. */
  public static KubernetesClientBuilder clientBuilder(OperatorMetrics metrics, Config config) {
    return new KubernetesClientBuilder().withConfig(config).withHttpClientBuilderConsumer(http -> {
      http.addOrReplaceInterceptor("metrics", metrics.requestCounter());
      if (certificateOnly(config)) {
        // fabric8's token interceptor re-reads the kubeconfig on every request when no token ever comes (6 % of
        // the operator's CPU at 1,000 dashboards); with a client certificate there is no token to refresh.
        http.addOrReplaceInterceptor(TokenRefreshInterceptor.NAME, new Interceptor() {});
      }
    });
  }

  private static boolean certificateOnly(Config config) {
    return (config.getClientCertData() != null || config.getClientCertFile() != null)
        && config.getOauthToken() == null && config.getOauthTokenProvider() == null
        && config.getAutoOAuthToken() == null && config.getUsername() == null && config.getAuthProvider() == null;
  }

  /** Registers the reconcilers and starts them; also the entry point of the integration tests. */
  public static Operator start(KubernetesClient client, OperatorConfig config, OperatorMetrics metrics,
      Clock clock) {
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withConcurrentReconciliationThreads(config.reconcileConcurrency())
          .withCloseClientOnStop(false)
          .withMetrics(metrics.reconcileMetrics());
      if (!config.leaderElectionNamespace().isEmpty()) {
        o.withLeaderElectionConfiguration(
            new LeaderElectionConfiguration("astralytiq-operator", config.leaderElectionNamespace()));
      }
    });
    EventRecorder recorder = new EventRecorder(client, clock);
    StatusEvents events = new StatusEvents(recorder);
    operator.register(new TenantReconciler(config, events, clock), c -> c.withFieldManager(FIELD_MANAGER)
        .withReconciliationMaxInterval(config.resyncPeriod()));
    CertificateTools certificates = CertificateTools.create(client, config, recorder, clock);
    DashboardImages images = new DashboardImages(config, metrics.registry(), clock);
    operator.register(new DashboardReconciler(config, events, new RolloutMetrics(metrics.registry()), certificates,
        images, clock), c -> {
      c.withFieldManager(FIELD_MANAGER).withReconciliationMaxInterval(config.resyncPeriod());
      if (config.watchesAllNamespaces()) {
        c.watchingAllNamespaces();
      } else {
        c.settingNamespaces(config.watchNamespaces());
      }
    });
    operator.start();
    LOG.info("operator started: namespaces={}, runtime image={}, concurrency={}",
        config.watchesAllNamespaces() ? "all" : config.watchNamespaces(), config.runtimeImage(),
        config.reconcileConcurrency());
    return operator;
  }
}
