package io.astralytiq.runtime.engine;

import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.definition.DashboardSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  /** Datasets are checked for changes once per refresh interval: no sooner is a change shown anyway. */
  @Bean(destroyMethod = "close")
  QueryEngine queryEngine(RuntimeProperties properties, DashboardSource source, MeterRegistry registry) {
    Duration recheck = source.dashboard().map(CompiledDashboard::refresh).orElse(Duration.ofMinutes(1));
    return new QueryEngine(new QueryEngine.Settings(properties.engine(), properties.datasets(), properties.egress(),
        properties.tempDir(), properties.secretsDir(), recheck),
        source.dashboard().map(CompiledDashboard::datasets).orElse(List.of()), InetAddress::getAllByName, registry);
  }
}
