package io.astralytiq.operator.install;

import io.astralytiq.operator.OperatorMain;
import io.astralytiq.operator.common.OperatorMetrics;
import io.astralytiq.operator.config.OperatorConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The operator in the test JVM, started as OperatorMain starts it, but with a client that impersonates a
 * ServiceAccount: every request it sends is authorized as that account's, by the API server's RBAC. Requests the
 * server refused are kept, so that a test can say none was.
 */
final class ImpersonatedOperator implements AutoCloseable {

  private final KubernetesClient client;
  private final Operator operator;
  private final ForbiddenRequests forbidden;

  private ImpersonatedOperator(KubernetesClient client, Operator operator, ForbiddenRequests forbidden) {
    this.client = client;
    this.operator = operator;
    this.forbidden = forbidden;
  }

  /** The user name the API server gives a ServiceAccount's token. */
  static String serviceAccountUser(String namespace, String name) {
    return "system:serviceaccount:" + namespace + ":" + name;
  }

  /**
   * A client of {@code admin}'s API server that acts as {@code user}; its refused requests go to {@code forbidden}.
   * The API server adds the groups of a ServiceAccount (system:serviceaccounts, system:authenticated) itself.
   */
  static KubernetesClient impersonating(KubernetesClient admin, String user, OperatorMetrics metrics,
      ForbiddenRequests forbidden) {
    Config config = new ConfigBuilder(admin.getConfiguration()).build();
    config.setImpersonateUsername(user);
    return new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(http -> http
            .addOrReplaceInterceptor("metrics", metrics.requestCounter())
            .addOrReplaceInterceptor("forbidden", forbidden))
        .build();
  }

  /** Starts the operator as {@code user}, with {@code settings} keyed as its environment variables. */
  static ImpersonatedOperator start(KubernetesClient admin, String user, Map<String, String> settings) {
    OperatorMetrics metrics = new OperatorMetrics();
    ForbiddenRequests forbidden = new ForbiddenRequests();
    KubernetesClient client = impersonating(admin, user, metrics, forbidden);
    Operator operator = OperatorMain.start(client, OperatorConfig.from(settings), metrics, Clock.systemUTC());
    return new ImpersonatedOperator(client, operator, forbidden);
  }

  /** Requests of the operator the API server refused, as "VERB /path". */
  List<String> forbiddenRequests() {
    return forbidden.all();
  }

  @Override
  public void close() {
    operator.stop();
    client.close();
  }
}
