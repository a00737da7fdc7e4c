package io.astralytiq.runtime.limits;

import io.astralytiq.runtime.RuntimeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

  @Bean
  Limits limits(RuntimeProperties properties, MeterRegistry registry) {
    return new Limits(properties.limits(), registry);
  }

  @Bean(destroyMethod = "close")
  ExportPool exportPool(RuntimeProperties properties) {
    return new ExportPool(properties.limits().exportThreads(), properties.limits().exportQueue());
  }
}
