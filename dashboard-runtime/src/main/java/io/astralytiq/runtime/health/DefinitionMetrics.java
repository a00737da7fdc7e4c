package io.astralytiq.runtime.health;

import static io.astralytiq.api.runtime.RuntimeMetrics.DEFINITION_LOADED;

import io.astralytiq.runtime.definition.DashboardSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Publishes whether the definition loaded, so an alert can tell a bad definition from a slow one. */
@Component
class DefinitionMetrics {

  DefinitionMetrics(DashboardSource source, MeterRegistry registry) {
    Gauge.builder(DEFINITION_LOADED, source, s -> s.dashboard().isPresent() ? 1 : 0)
        .description("1 when the dashboard definition loaded and validated").register(registry);
  }
}
