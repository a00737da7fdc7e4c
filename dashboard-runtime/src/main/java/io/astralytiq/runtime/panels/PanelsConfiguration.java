package io.astralytiq.runtime.panels;

import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.definition.DashboardSource;
import io.astralytiq.runtime.engine.QueryEngine;
import io.astralytiq.runtime.variables.VariableResolver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the services that need a loaded dashboard. When the definition did not load they still exist, over an
 * empty placeholder, so the process stays up to report why (readiness and the page read the problems from
 * {@link DashboardSource}).
 */
@Configuration(proxyBeanMethods = false)
class PanelsConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService panelFanOut() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "panel-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Bean
  PanelService panelService(DashboardSource source, QueryEngine engine, Clock clock, MeterRegistry registry,
      ExecutorService panelFanOut, RuntimeProperties properties) {
    // A failed dataset is not tried again sooner than retry-after: an error kept longer would hide its recovery.
    return new PanelService(loadedOrPlaceholder(source), engine, clock, registry, panelFanOut,
        properties.datasets().retryAfter());
  }

  @Bean
  VariableResolver variableResolver(DashboardSource source, QueryEngine engine, Clock clock) {
    return new VariableResolver(loadedOrPlaceholder(source), engine, clock);
  }

  private static CompiledDashboard loadedOrPlaceholder(DashboardSource source) {
    return source.dashboard().orElseGet(CompiledDashboard::placeholder);
  }
}
