package io.astralytiq.runtime.engine;

import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.definition.Dashboard;
import io.astralytiq.runtime.definition.DashboardSource;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  /** Datasets are checked for changes once per refresh interval: no sooner is a change shown anyway. */
  @Bean(destroyMethod = "close")
  QueryEngine queryEngine(RuntimeProperties properties, DashboardSource source) {
    Duration recheck = source.dashboard().map(Dashboard::refresh).orElse(Duration.ofMinutes(1));
    return new QueryEngine(properties.engine(), properties.tempDir(), properties.secretsDir(), recheck);
  }
}
