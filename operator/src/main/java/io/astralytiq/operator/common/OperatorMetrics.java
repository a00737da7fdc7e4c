package io.astralytiq.operator.common;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's Prometheus metrics: JOSDK's reconciliation metrics (not per resource, which would not scale to
 * thousands of dashboards), JVM memory, and the API requests the operator sends by verb. The write count is what
 * proves that a reconcile with nothing changed writes nothing.
 */
public final class OperatorMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorMetrics.class);

  public static final String API_REQUESTS = "astralytiq.operator.api.requests";
  /**
   * Responses the client retries with backoff (fabric8 does, up to its retry limit, waiting at least Retry-After):
   * 429 when the API server sheds load, 5xx when it fails. Rising while writes do not is an API server in trouble.
   */
  public static final String API_RETRIED = "astralytiq.operator.api.retried";


  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Metrics reconcileMetrics;

  public OperatorMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    reconcileMetrics = MicrometerMetrics.newMicrometerMetricsBuilder(registry).notCollectingMetricsPerResource()
        .build();
  }

  /** For JOSDK's configuration. */
  public Metrics reconcileMetrics() {
    return reconcileMetrics;
  }

  /** Counts every request the client sends, tagged with its verb; add it to the operator's client. */
  public Interceptor requestCounter() {
    return new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        requests(request.method()).increment();
        if (!"GET".equals(request.method())) {
          LOG.debug("{} {}", request.method(), request.uri().getPath());
        }
      }

      @Override
      public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        if (response.code() == 429 || response.code() >= 500) {
          retried(response.code() == 429 ? "429" : "5xx").increment();
        }
      }
    };
  }

  /** Responses answered 429 (throttled) or 5xx so far, each retried by the client. */
  public long retried() {
    return registry.find(API_RETRIED).counters().stream().mapToLong(c -> (long) c.count()).sum();
  }

  /** API write requests (POST, PUT, PATCH, DELETE) sent so far. */
  public long writes() {
    return registry.find(API_REQUESTS).counters().stream()
        .filter(c -> !"GET".equals(c.getId().getTag("verb")))
        .mapToLong(c -> (long) c.count()).sum();
  }

  /** Reconciliations finished so far, successful or not. */
  public long reconciliations() {
    return (long) (registry.find("operator.sdk.reconciliations.success").counters().stream()
        .mapToDouble(Counter::count).sum()
        + registry.find("operator.sdk.reconciliations.failed").counters().stream().mapToDouble(Counter::count).sum());
  }

  /** The registry, for the metrics of each kind of resource. */
  public MeterRegistry registry() {
    return registry;
  }

  public String scrape() {
    return registry.scrape();
  }

  private Counter retried(String code) {
    return Counter.builder(API_RETRIED).description("Responses the client retried with backoff: 429 or 5xx")
        .tag("code", code).register(registry);
  }

  private Counter requests(String verb) {
    return Counter.builder(API_REQUESTS).description("Requests the operator sent to the Kubernetes API")
        .tag("verb", verb.toUpperCase(Locale.ROOT)).register(registry);
  }
}
