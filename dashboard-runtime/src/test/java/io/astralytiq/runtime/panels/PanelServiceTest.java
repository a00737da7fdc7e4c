package io.astralytiq.runtime.panels;

import static io.astralytiq.api.runtime.RuntimeMetrics.CACHE_REQUESTS;
import static io.astralytiq.api.runtime.RuntimeMetrics.PANEL_QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.TestDashboards;
import io.astralytiq.runtime.TestEngines;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.definition.DefinitionParser;
import io.astralytiq.runtime.engine.QueryEngine;
import io.astralytiq.runtime.variables.VariableResolver;
import io.astralytiq.runtime.variables.VariableValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelServiceTest {

  @TempDir
  Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private QueryEngine engine;

  private PanelService service(String refresh) throws Exception {
    return service(refresh, RuntimeProperties.Datasets.defaults());
  }

  private PanelService service(String refresh, RuntimeProperties.Datasets datasetLimits) throws Exception {
    return service(refresh, datasetLimits, Clock.systemUTC());
  }

  private PanelService service(String refresh, RuntimeProperties.Datasets datasetLimits, Clock clock)
      throws Exception {
    Path definition = TestDashboards.write(dir, refresh);
    CompiledDashboard d = CompiledDashboard.from(DefinitionParser.parse(Files.readString(definition)));
    engine = TestEngines.engine(RuntimeProperties.Engine.of(2, Duration.ofSeconds(10), 1000, "128MB", 1),
        datasetLimits, dir, d.refresh(), d.datasets());
    return new PanelService(d, engine, clock, registry, pool, datasetLimits.retryAfter());
  }

  private VariableValues values(PanelService s, Map<String, List<String>> params) {
    return new VariableResolver(s.dashboard(), engine, Clock.systemUTC()).resolve(params);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void cachesPerPanelAndTheVariablesItUses() throws Exception {
    PanelService s = service("1h");
    PanelData first = s.data("total", values(s, Map.of("region", List.of("EMEA"))));
    assertThat(first.rows()).containsExactly(List.of(TestDashboards.emeaTotal(1), TestDashboards.emeaTotal(1) / 2.0));
    s.data("total", values(s, Map.of("region", List.of("EMEA"))));
    s.data("total", values(s, Map.of("region", List.of("AMER"))));
    // "everything" uses no variable: one entry serves every region.
    s.data("everything", values(s, Map.of("region", List.of("EMEA"))));
    s.data("everything", values(s, Map.of("region", List.of("APAC"))));
    assertThat(registry.get(CACHE_REQUESTS).tag("result", "hit").counter().count()).isEqualTo(2.0);
    assertThat(registry.get(CACHE_REQUESTS).tag("result", "miss").counter().count()).isEqualTo(3.0);
    assertThat(registry.get(PANEL_QUERY).tag("panel", "total").timer().count()).isEqualTo(2);
  }

  @Test
  void recomputesAfterTheRefreshIntervalAndSeesNewData() throws Exception {
    PanelService s = service("1s");
    VariableValues emea = values(s, Map.of("region", List.of("EMEA")));
    assertThat(s.data("total", emea).rows().get(0).get(0)).isEqualTo(TestDashboards.emeaTotal(1));
    TestDashboards.writeSales(dir, 10);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(s.data("total", emea).rows().get(0).get(0)).isEqualTo(TestDashboards.emeaTotal(10)));
  }

  @Test
  void aFailingPanelReportsItsErrorAndTheOthersStillRender() throws Exception {
    PanelService s = service("1h");
    Files.delete(dir.resolve("sales.csv"));
    Files.writeString(dir.resolve("sales.csv"), "day,region\nnot-a-date,EMEA\n");
    List<PanelData> all = s.all(values(s, Map.of()));
    assertThat(all).extracting(PanelData::id).contains("total", "per-day", "scatter");
    PanelData total = all.stream().filter(p -> p.id().equals("total")).findFirst().orElseThrow();
    assertThat(total.error()).contains("amount");
    PanelData bars = all.stream().filter(p -> p.id().equals("bars")).findFirst().orElseThrow();
    assertThat(bars.error()).isNotNull();
    assertThat(registry.get(PANEL_QUERY).tag("outcome", "error").timers()).isNotEmpty();
  }

  /** An hour's refresh is how long data is kept, not how long a source's outage stays on the panel. */
  @Test
  void aPanelShowsItsDataSoonAfterItsFileIsBackThoughTheRefreshIsAnHour() throws Exception {
    RuntimeProperties.Datasets d = RuntimeProperties.Datasets.defaults();
    PanelService s = service("1h", new RuntimeProperties.Datasets(d.loadTimeout(), d.loadThreads(), d.maxRows(),
        d.maxSize(), d.maxDownloadSize(), Duration.ofMillis(500), Duration.ofSeconds(1), List.of(dir.toString())));
    Files.delete(dir.resolve("sales.csv"));
    assertThat(s.data("everything", VariableValues.none()).error()).contains("dataset 'sales'", "cannot read");
    TestDashboards.writeSales(dir, 1);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(s.data("everything", VariableValues.none()).rows()).containsExactly(List.of(4050L)));
  }

  /** Within its lifetime an error is answered from the cache (the source is not asked again), then computed anew. */
  @Test
  void anErrorIsCachedForRetryAfterThenComputedAgain() throws Exception {
    RuntimeProperties.Datasets d = RuntimeProperties.Datasets.defaults();
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T12:00:00Z"));
    Clock clock = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    PanelService s = service("1h", new RuntimeProperties.Datasets(d.loadTimeout(), d.loadThreads(), d.maxRows(),
        d.maxSize(), d.maxDownloadSize(), Duration.ofSeconds(30), Duration.ofMinutes(2), List.of(dir.toString())),
        clock);
    Files.delete(dir.resolve("sales.csv"));
    PanelData failed = s.data("everything", VariableValues.none());
    assertThat(failed.error()).contains("dataset 'sales'");
    now.set(now.get().plusSeconds(29));
    assertThat(s.data("everything", VariableValues.none())).isSameAs(failed);
    now.set(now.get().plusSeconds(1));
    assertThat(s.data("everything", VariableValues.none())).isNotSameAs(failed);
    assertThat(registry.get(CACHE_REQUESTS).tag("result", "hit").counter().count()).isEqualTo(1.0);
    assertThat(registry.get(CACHE_REQUESTS).tag("result", "miss").counter().count()).isEqualTo(2.0);
  }

  @Test
  void aMultiSelectExpandsToItsValues() throws Exception {
    PanelService s = service("1h");
    PanelData pie = s.data("pie", values(s, Map.of("products", List.of("alpha", "gamma"))));
    assertThat(pie.rows()).extracting(r -> r.get(0)).containsExactlyInAnyOrder("alpha", "gamma");
  }
}
