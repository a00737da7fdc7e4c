package io.astralytiq.operator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.operator.OperatorMain;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.testing.ChartTenantRoles;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.testing.Crds;
import io.astralytiq.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An API server that sheds load: priority and fairness off, one read and one write in flight at most, so it answers
 * 429 (with Retry-After) to whatever comes beyond while other clients keep it busy. The operator's client backs off
 * and retries, its work queue handles one change of a Dashboard at a time, and everything converges to the last
 * spec written, without a retry storm.
 *
 * <p>The operator and the other clients act as ordinary users (impersonated): the API server never throttles
 * system:masters, which the test's admin client is.
 */
class ApiServerOverloadIT {

  private static final int DASHBOARDS = 100;
  private static final int OTHER_CLIENTS = 4;
  /** Requests per dashboard, retries included: about 12 unthrottled, 26 measured throttled; a storm is hundreds. */
  private static final int MAX_REQUESTS_PER_DASHBOARD = 60;
  private static final String USER = "overload-operator";

  private static RealApiServer.Shared server;
  private static KubernetesClient admin;
  private static KubernetesClient asOperator;
  private static OperatorMetrics metrics;
  private static Operator operator;

  @BeforeAll
  static void throttledApiServerAndOperator() {
    server = RealApiServer.isolated(List.of("--enable-priority-and-fairness=false", "--max-requests-inflight=1",
        "--max-mutating-requests-inflight=1"));
    admin = server.server().client();
    Crds.install(admin);
    ChartTenantRoles.install(admin);
    admin.resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(USER).endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("cluster-admin")
        .endRoleRef().addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName(USER)
        .endSubject().build()).create();
    metrics = new OperatorMetrics();
    asOperator = OperatorMain.clientBuilder(metrics, impersonating(USER)).build();
    operator = OperatorMain.start(asOperator, OperatorConfig.from(Map.of("RUNTIME_IMAGE",
        OperatorFixture.RUNTIME_IMAGE, "RECONCILE_CONCURRENCY", "8", "ALLOW_UNMANAGED_NAMESPACES", "true")),
        metrics, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    operator.stop();
    asOperator.close();
    server.close();
  }

  @Test
  void aThrottlingApiServerSeesBackoffAndEveryDashboardConvergesToItsLastSpec() {
    String namespace = namespace(OperatorFixture.uniqueName("overload"));
    ExecutorService others = busyApiServer(namespace(OperatorFixture.uniqueName("others")));
    DashboardAsserts dashboards = new DashboardAsserts(admin);
    List<String> names = IntStream.range(0, DASHBOARDS).mapToObj(i -> "d" + i).toList();
    try {
      names.parallelStream().forEach(name -> admin.resource(Dashboards.minimal(namespace, name)).create());
      // Each changed twice in a row: the queue must end on the second change, whatever it saw in between.
      for (int replicas : List.of(2, 3)) {
        names.forEach(name -> dashboards.edit(namespace, name, d -> {
          d.getSpec().setReplicas(replicas);
          return d;
        }));
      }
      await("every Deployment on the last spec and every status on its generation").atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> names.stream().allMatch(name -> converged(dashboards, namespace, name)));
    } finally {
      others.shutdownNow();
    }

    long requests = metrics.registry().find(OperatorMetrics.API_REQUESTS).counters().stream()
        .mapToLong(c -> (long) c.count()).sum();
    System.out.printf("overload: dashboards=%d requests=%d retried=%d writes=%d requests_per_dashboard=%.1f%n",
        DASHBOARDS, requests, metrics.retried(), metrics.writes(), (double) requests / DASHBOARDS);
    assertThat(metrics.retried()).as("responses 429 the operator's client retried (else this proves nothing)")
        .isPositive();
    assertThat(requests).as("requests sent, retries included: backoff, not a storm")
        .isLessThan((long) MAX_REQUESTS_PER_DASHBOARD * DASHBOARDS);
  }

  /** Other clients reading and writing without pause, as a busy cluster's controllers do. */
  private static ExecutorService busyApiServer(String namespace) {
    admin.resource(new ConfigMapBuilder().withNewMetadata().withName("busy").withNamespace(namespace).endMetadata()
        .build()).create();
    ExecutorService others = Executors.newFixedThreadPool(OTHER_CLIENTS);
    for (int i = 0; i < OTHER_CLIENTS; i++) {
      boolean writer = i % 2 == 0;
      KubernetesClient other = new KubernetesClientBuilder().withConfig(impersonating(USER)).build();
      others.submit(() -> {
        try (other) {
          while (!Thread.currentThread().isInterrupted()) {
            busyRequest(other, namespace, writer);
          }
        }
      });
    }
    return others;
  }

  private static void busyRequest(KubernetesClient other, String namespace, boolean writer) {
    try {
      if (writer) {
        other.configMaps().inNamespace(namespace).withName("busy")
            .edit(cm -> new ConfigMapBuilder(cm).addToData("n", Long.toString(System.nanoTime())).build());
      } else {
        other.namespaces().list();
      }
    } catch (KubernetesClientException e) {
      // A conflict, or a request that ran out of retries: the load goes on.
    }
  }

  private static boolean converged(DashboardAsserts dashboards, String namespace, String name) {
    Deployment deployment = admin.apps().deployments().inNamespace(namespace).withName(name).get();
    Dashboard dashboard = dashboards.get(namespace, name);
    return deployment != null && Objects.equals(deployment.getSpec().getReplicas(), 3)
        && dashboard.getStatus() != null
        && Objects.equals(dashboard.getStatus().getObservedGeneration(), dashboard.getMetadata().getGeneration());
  }

  private static String namespace(String name) {
    admin.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    return name;
  }

  private static Config impersonating(String user) {
    Config config = new ConfigBuilder(admin.getConfiguration()).build();
    config.setImpersonateUsername(user);
    return config;
  }
}
