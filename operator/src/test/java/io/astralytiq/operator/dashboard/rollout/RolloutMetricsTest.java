package io.astralytiq.operator.dashboard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RolloutMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RolloutMetrics metrics = new RolloutMetrics(registry);
  private final Revision revision = new Revision(2, "fp", new PodTemplateSpec(), null, null, "sales-fp", null);

  @Test
  void healthyRolloutsAreTimed() {
    metrics.healthy(null, revision, Duration.ofSeconds(12));

    assertThat(registry.get(RolloutMetrics.ROLLOUTS).timer().count()).isEqualTo(1);
    assertThat(registry.get(RolloutMetrics.ROLLOUTS).timer().totalTime(java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(12.0);
  }

  @Test
  void failedRevisionsAreCountedByCause() {
    metrics.failed(null, revision, Verdict.failed("CrashLoopBackOff", "pod a"));
    metrics.failed(null, revision, Verdict.failed("CrashLoopBackOff", "pod b"));
    metrics.failed(null, revision, Verdict.failed("ImagePullBackOff", "pod c"));

    assertThat(registry.get(RolloutMetrics.FAILED_REVISIONS).tag("reason", "CrashLoopBackOff").counter().count())
        .isEqualTo(2.0);
    assertThat(registry.get(RolloutMetrics.FAILED_REVISIONS).tag("reason", "ImagePullBackOff").counter().count())
        .isEqualTo(1.0);
  }
}
