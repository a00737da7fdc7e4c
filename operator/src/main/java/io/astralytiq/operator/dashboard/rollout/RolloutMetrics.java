package io.astralytiq.operator.dashboard.rollout;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Rollouts in the operator's metrics: how long new revisions take to become healthy, and which fail, why. */
public final class RolloutMetrics implements RolloutListener {

  public static final String ROLLOUTS = "astralytiq.operator.rollouts";
  public static final String FAILED_REVISIONS = "astralytiq.operator.revisions.failed";

  private final MeterRegistry registry;
  private final Timer rollouts;

  public RolloutMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.rollouts = Timer.builder(ROLLOUTS).description("Time from a new revision to all its replicas ready")
        .publishPercentileHistogram().register(registry);
  }

  @Override
  public void healthy(Dashboard dashboard, Revision revision, Duration took) {
    rollouts.record(took);
  }

  @Override
  public void failed(Dashboard dashboard, Revision revision, Verdict verdict) {
    Counter.builder(FAILED_REVISIONS).description("Revisions that failed to become healthy, by cause")
        .tag("reason", verdict.reason()).register(registry).increment();
  }
}
