package io.astralytiq.runtime.health;

import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.runtime.definition.Dashboard;
import io.astralytiq.runtime.definition.DashboardSource;
import io.astralytiq.runtime.engine.QueryEngine;
import io.astralytiq.runtime.engine.QueryException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Readiness of the dashboard: up only when the definition loaded and every dataset can be read. Reaching a dataset
 * means loading it (the lazy load a first viewer would otherwise wait for), which also proves that the format is
 * right; the loader keeps the result, so repeated probes cost a change check at most. The body names what is wrong.
 * A definition that did not load is {@link #DEFINITION_UNUSABLE}: it is read once at start from an immutable
 * ConfigMap, so this pod will never serve it. A dataset that cannot be read is OUT_OF_SERVICE: a database or a URL
 * may come back.
 */
@Component("dashboard")
class DashboardHealthIndicator implements HealthIndicator {

  /** The definition did not load or validate; answered with RuntimeContract.DEFINITION_UNUSABLE_STATUS. */
  static final Status DEFINITION_UNUSABLE = new Status("DEFINITION_UNUSABLE");

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
    Dashboard dashboard = source.require();
    Map<String, String> datasets = new LinkedHashMap<>();
    boolean allUp = true;
    for (Dataset ds : dashboard.datasets()) {
      try {
        engine.load(ds);
        datasets.put(ds.getName(), "ok");
      } catch (QueryException e) {
        datasets.put(ds.getName(), e.getMessage());
        allUp = false;
      }
    }
    Health.Builder health = allUp ? Health.up() : Health.outOfService();
    return health.withDetail("definition", source.origin()).withDetail("title", dashboard.title())
        .withDetail("datasets", datasets).build();
  }
}
