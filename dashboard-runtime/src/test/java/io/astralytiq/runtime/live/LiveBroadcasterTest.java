package io.astralytiq.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.TestEngines;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.definition.DefinitionParser;
import io.astralytiq.runtime.engine.QueryEngine;
import io.astralytiq.runtime.panels.PanelService;
import io.astralytiq.runtime.variables.VariableValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveBroadcasterTest {

  @TempDir
  Path dir;

  /** Graceful shutdown waits for open requests; live streams never end by themselves, so stop must end them. */
  @Test
  void stoppingClosesEveryStream() {
    CompiledDashboard d = CompiledDashboard.from(DefinitionParser.parse(
        "title: T\nrefresh: 1h\npanels: [{id: a, type: metric, query: SELECT 1 AS one}]\n"));
    try (QueryEngine engine = TestEngines.engine(RuntimeProperties.Engine.of(1, Duration.ofSeconds(5), 10, "64MB",
        1), dir, Duration.ofHours(1), List.of())) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      LiveBroadcaster broadcaster = new LiveBroadcaster(
          new PanelService(d, engine, Clock.systemUTC(), registry, Executors.newSingleThreadExecutor(),
              Duration.ofHours(1)), registry, TestEngines.properties(dir));
      broadcaster.start();
      broadcaster.subscribe("client-a", VariableValues.none(), Map.of());
      broadcaster.subscribe("client-b", VariableValues.none(), Map.of());
      assertThat(broadcaster.subscriberCount()).isEqualTo(2);
      assertThat(registry.get(io.astralytiq.api.runtime.RuntimeMetrics.LIVE_CLIENTS).gauge().value()).isEqualTo(2.0);
      broadcaster.stop();
      assertThat(broadcaster.subscriberCount()).isZero();
      assertThat(broadcaster.isRunning()).isFalse();
    }
  }
}
