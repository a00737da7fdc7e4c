package io.astralytiq.runtime.web;

import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.TestDashboards;
import io.astralytiq.runtime.TestEngines;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.definition.DashboardSource;
import io.astralytiq.runtime.definition.DefinitionParser;
import io.astralytiq.runtime.engine.QueryEngine;
import io.astralytiq.runtime.limits.Limits;
import io.astralytiq.runtime.panels.PanelService;
import io.astralytiq.runtime.variables.VariableResolver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Real services over the test dashboard, for controller slices: the slices test HTTP, the services are cheap. */
@TestConfiguration(proxyBeanMethods = false)
@Import(MarkdownRenderer.class)
class SliceBeans {

  @Bean
  Path testDashboardDir() throws IOException {
    return Files.createTempDirectory("slice-dashboard");
  }

  @Bean
  DashboardSource dashboardSource(Path testDashboardDir) throws IOException {
    Path definition = TestDashboards.write(testDashboardDir, "1h");
    CompiledDashboard d = CompiledDashboard.from(DefinitionParser.parse(Files.readString(definition)));
    return DashboardSource.of(d);
  }

  @Bean(destroyMethod = "close")
  QueryEngine queryEngine(Path testDashboardDir, DashboardSource source) {
    return TestEngines.engine(RuntimeProperties.Engine.of(2, Duration.ofSeconds(10), 1000, "128MB", 1),
        testDashboardDir, Duration.ofHours(1), source.require().datasets());
  }

  /** The rate-limit filter and the 429 handler are part of every web slice. */
  @Bean
  Limits limits() {
    return new Limits(RuntimeProperties.Limits.defaults(), new SimpleMeterRegistry());
  }

  @Bean
  VariableResolver variableResolver(DashboardSource source, QueryEngine engine) {
    return new VariableResolver(source.require(), engine, Clock.systemUTC());
  }

  @Bean
  PanelService panelService(DashboardSource source, QueryEngine engine) {
    return new PanelService(source.require(), engine, Clock.systemUTC(), new SimpleMeterRegistry(),
        Executors.newFixedThreadPool(4), RuntimeProperties.Datasets.defaults().retryAfter());
  }
}
