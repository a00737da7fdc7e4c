package io.astralytiq.runtime.panels;

import static io.astralytiq.api.runtime.RuntimeMetrics.CACHE_REQUESTS;
import static io.astralytiq.api.runtime.RuntimeMetrics.OUTCOME_ERROR;
import static io.astralytiq.api.runtime.RuntimeMetrics.OUTCOME_SUCCESS;
import static io.astralytiq.api.runtime.RuntimeMetrics.OUTCOME_TIMEOUT;
import static io.astralytiq.api.runtime.RuntimeMetrics.PANEL_QUERY;
import static io.astralytiq.api.runtime.RuntimeMetrics.RESULT_HIT;
import static io.astralytiq.api.runtime.RuntimeMetrics.RESULT_MISS;
import static io.astralytiq.api.runtime.RuntimeMetrics.TAG_OUTCOME;
import static io.astralytiq.api.runtime.RuntimeMetrics.TAG_PANEL;
import static io.astralytiq.api.runtime.RuntimeMetrics.TAG_RESULT;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.astralytiq.api.definition.SqlTemplate;
import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.engine.QueryEngine;
import io.astralytiq.runtime.engine.QueryException;
import io.astralytiq.runtime.engine.QueryResult;
import io.astralytiq.runtime.variables.VariableValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Panel data, computed by the engine and cached per panel and the values of the variables that panel uses, for
 * one refresh interval. Concurrent requests for the same key wait for one computation instead of each running it.
 * An error is cached only as long as a failed dataset is left alone before its next try, so a panel shows its data
 * again soon after its source is back rather than a refresh interval (an hour, say) later.
 *
 * <p>Every data request reads each panel's entry, so the cache keeps Caffeine's fast read path: one fixed
 * expiry after write. A per-entry expiry (Caffeine's {@code Expiry}) would put every read into its read buffer and
 * wake a common-pool thread to drain it, several times per request; an error's shorter life is checked here
 * instead, against the time it was computed.
 */
public final class PanelService {

  private final CompiledDashboard dashboard;
  private final QueryEngine engine;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Executor fanOut;
  private final Cache<String, PanelData> cache;
  private final Duration errorLifetime;
  private final Counter hits;
  private final Counter misses;

  /** @param errorLifetime how long a failed panel's error is answered from the cache, at most the refresh interval */
  public PanelService(CompiledDashboard dashboard, QueryEngine engine, Clock clock, MeterRegistry registry,
      Executor fanOut, Duration errorLifetime) {
    this.dashboard = dashboard;
    this.engine = engine;
    this.clock = clock;
    this.registry = registry;
    this.fanOut = fanOut;
    Duration refresh = dashboard.refresh();
    this.errorLifetime = errorLifetime.compareTo(refresh) < 0 ? errorLifetime : refresh;
    this.cache = Caffeine.newBuilder().expireAfterWrite(refresh).maximumSize(10_000).build();
    this.hits = Counter.builder(CACHE_REQUESTS).tag(TAG_RESULT, RESULT_HIT)
        .description("Panel results served from the cache").register(registry);
    this.misses = Counter.builder(CACHE_REQUESTS).tag(TAG_RESULT, RESULT_MISS)
        .description("Panel results computed by the engine").register(registry);
  }

  public CompiledDashboard dashboard() {
    return dashboard;
  }

  /** @throws NoSuchElementException for a panel id the dashboard does not have */
  public PanelData data(String panelId, VariableValues values) {
    Panel panel = dashboard.panel(panelId).orElseThrow(() -> new NoSuchElementException("no panel " + panelId));
    if (panel.getQuery() == null) {
      return PanelData.ok(panel.getId(), panel.getType(), List.of(), List.of(), false, 0, clock.instant());
    }
    String key = panelId + "|" + values.key(dashboard.variablesOf(panelId));
    boolean[] computed = {false};
    Function<String, PanelData> computation = k -> {
      computed[0] = true;
      return compute(panel, values);
    };
    PanelData data = cache.get(key, computation);
    if (!computed[0] && expiredError(data)) {
      // Removed only if no other request replaced it meanwhile; then one computation serves all that wait.
      cache.asMap().remove(key, data);
      data = cache.get(key, computation);
    }
    (computed[0] ? misses : hits).increment();
    return data;
  }

  private boolean expiredError(PanelData data) {
    return data.error() != null && !clock.instant().isBefore(data.computedAt().plus(errorLifetime));
  }

  /** Every panel with a query, computed side by side (the engine bounds how many run at once). */
  public List<PanelData> all(VariableValues values) {
    List<CompletableFuture<PanelData>> futures = new ArrayList<>();
    for (Panel p : dashboard.panels()) {
      if (p.getQuery() != null) {
        futures.add(CompletableFuture.supplyAsync(() -> data(p.getId(), values), fanOut));
      }
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private PanelData compute(Panel panel, VariableValues values) {
    SqlTemplate sql = dashboard.query(panel.getId());
    List<Object> binds = new ArrayList<>();
    for (String name : sql.bindOrder()) {
      Object v = values.parameter(name);
      if (v instanceof List<?> list) {
        if (list.isEmpty()) {
          binds.add(null);
        } else {
          binds.addAll(list);
        }
      } else {
        binds.add(v);
      }
    }
    String rendered = sql.render(name -> values.parameter(name) instanceof List<?> l ? l.size() : 1);
    List<Dataset> datasets = dashboard.datasets().stream()
        .filter(d -> dashboard.datasetsOf(panel.getId()).contains(d.getName())).toList();
    long started = System.nanoTime();
    String outcome = OUTCOME_SUCCESS;
    try {
      QueryResult r = engine.query(rendered, binds, datasets);
      return PanelData.ok(panel.getId(), panel.getType(), r.columns(), r.rows(), r.truncated(),
          elapsedMs(started), clock.instant());
    } catch (QueryException e) {
      outcome = e.isTimeout() ? OUTCOME_TIMEOUT : OUTCOME_ERROR;
      return PanelData.failed(panel.getId(), panel.getType(), "panel '" + panel.getId() + "': " + e.getMessage(),
          elapsedMs(started), clock.instant());
    } finally {
      Timer.builder(PANEL_QUERY).tag(TAG_PANEL, panel.getId()).tag(TAG_OUTCOME, outcome)
          .description("Time a panel's query took in the engine").publishPercentileHistogram()
          .register(registry).record(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static long elapsedMs(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
