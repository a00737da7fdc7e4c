package io.astralytiq.runtime.health;

import io.astralytiq.api.runtime.RuntimeContract;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleHttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How health statuses become the probes' answers. {@link DashboardHealthIndicator#DEFINITION_UNUSABLE} ranks worst,
 * so the readiness group reports it even while the readiness state is up, and is answered with
 * {@link RuntimeContract#DEFINITION_UNUSABLE_STATUS}: the code is all the kubelet's probe Event keeps, and the
 * operator rolls back on it. Beans rather than management.endpoint.health.status.* properties, so that the code is
 * the shared constant; the groups (readiness, liveness) use them too, having no status settings of their own.
 */
@Configuration(proxyBeanMethods = false)
class HealthStatusConfiguration {

  /** Boot's own mapping plus ours: a mapping given replaces Boot's defaults, so those are restated. */
  @Bean
  HttpCodeStatusMapper healthHttpCodes() {
    return new SimpleHttpCodeStatusMapper(Map.of(
        DashboardHealthIndicator.DEFINITION_UNUSABLE.getCode(), RuntimeContract.DEFINITION_UNUSABLE_STATUS,
        Status.DOWN.getCode(), 503,
        Status.OUT_OF_SERVICE.getCode(), 503));
  }

  /** Boot's order with ours first; a status missing from the order would be ignored by the aggregation. */
  @Bean
  StatusAggregator healthStatusOrder() {
    return new SimpleStatusAggregator(DashboardHealthIndicator.DEFINITION_UNUSABLE, Status.DOWN,
        Status.OUT_OF_SERVICE, Status.UP, Status.UNKNOWN);
  }
}
