package io.astralytiq.runtime.health;

import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.definition.DashboardSource;
import io.astralytiq.runtime.engine.LoadStatus;
import io.astralytiq.runtime.engine.QueryEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Readiness of the dashboard: up only when the definition loaded and every dataset is usable. The probe starts the
 * loads that are due (the lazy load a first viewer would otherwise wait for) and waits briefly for a first load,
 * never for a whole load nor for a reload, which runs in the background: loads run on their own threads under
 * their own timeout, and a first load still running, a failed load or one stuck past its timeout keeps the pod out
 * of service. A definition that did not load is {@link #DEFINITION_UNUSABLE}: it is read once at start from an
 * immutable ConfigMap, so this pod will never serve it. A dataset that cannot be read is OUT_OF_SERVICE (503, never
 * the 422 the operator rolls back on): a file, a database or a URL may come back, and the first probe after the
 * dataset's next successful try is up again. The details (dataset errors, paths) are shown only where the health
 * endpoint is configured to show them, which is not to anyone.
 */
@Component("dashboard")
class DashboardHealthIndicator implements HealthIndicator {

  /** The definition did not load or validate; answered with RuntimeContract.DEFINITION_UNUSABLE_STATUS. */
  static final Status DEFINITION_UNUSABLE = new Status("DEFINITION_UNUSABLE");
  private static final long PROBE_WAIT_MS = 2000;

  private final DashboardSource source;
  private final QueryEngine engine;

  DashboardHealthIndicator(DashboardSource source, QueryEngine engine) {
    this.source = source;
    this.engine = engine;
  }

  @Override
  public Health health() {
    if (source.dashboard().isEmpty()) {
      return Health.status(DEFINITION_UNUSABLE).withDetail("definition", source.origin())
          .withDetail("problems", source.problems()).build();
    }
    CompiledDashboard dashboard = source.require();
    List<CompletableFuture<Void>> started = dashboard.datasets().stream().map(engine::startLoad).toList();
    try {
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(PROBE_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // still loading or failed: the status below says which
    }
    Map<String, String> datasets = new LinkedHashMap<>();
    boolean allUp = true;
    for (LoadStatus status : engine.loadStatus(dashboard.datasets())) {
      datasets.put(status.dataset(), status.message());
      allUp &= status.usable();
    }
    Health.Builder health = allUp ? Health.up() : Health.outOfService();
    return health.withDetail("definition", source.origin()).withDetail("title", dashboard.title())
        .withDetail("datasets", datasets).build();
  }
}
