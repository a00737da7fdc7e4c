package io.astralytiq.operator.dashboard.images;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Image verification in the operator's metrics: the checks run (not cached answers), their time, registry calls. */
final class VerificationMetrics {

  static final String VERIFICATIONS = "astralytiq.operator.image.verifications";
  static final String VERIFICATION = "astralytiq.operator.image.verification";
  static final String REGISTRY_REQUESTS = "astralytiq.operator.registry.requests";

  private final Map<VerificationResult, Counter> verifications = new EnumMap<>(VerificationResult.class);
  private final Timer latency;
  private final Counter requests;

  VerificationMetrics(MeterRegistry registry) {
    for (VerificationResult result : VerificationResult.values()) {
      verifications.put(result, Counter.builder(VERIFICATIONS)
          .description("Image signature checks run against a registry (cached answers not counted), by result")
          .tag("result", result.name()).register(registry));
    }
    latency = Timer.builder(VERIFICATION).description("Time an image signature check took, from asking to its verdict")
        .publishPercentileHistogram().register(registry);
    requests = Counter.builder(REGISTRY_REQUESTS)
        .description("HTTP requests to registries, token requests and redirects included").register(registry);
  }

  void checked(VerificationResult result, Duration took) {
    verifications.get(result).increment();
    latency.record(took);
  }

  void request() {
    requests.increment();
  }
}
