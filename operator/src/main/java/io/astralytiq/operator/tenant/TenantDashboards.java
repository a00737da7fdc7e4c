package io.astralytiq.operator.tenant;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.operator.common.Informers;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.stream.Collectors;

/** The Dashboards in a tenant's namespaces, counted in its status: a Dashboard added or removed updates it. */
final class TenantDashboards {

  private TenantDashboards() {}

  static EventSource<Dashboard, Tenant> eventSource(EventSourceContext<Tenant> context) {
    var config = InformerEventSourceConfiguration.from(Dashboard.class, Tenant.class)
        .withName("dashboards")
        .withWatchAllNamespaces()
        .withSecondaryToPrimaryMapper((Dashboard d) -> context.getPrimaryCache()
            .list(t -> TenantNames.namespaces(t).contains(d.getMetadata().getNamespace()))
            .map(ResourceID::fromResource).collect(Collectors.toSet()))
        .build();
    return new InformerEventSource<>(config, context);
  }

  /** The Dashboards in the given namespaces, from the informer's cache. */
  static List<Dashboard> in(Context<Tenant> context, List<String> namespaces) {
    InformerEventSource<Dashboard, Tenant> dashboards = Informers.only(context, Dashboard.class);
    return namespaces.stream().flatMap(dashboards::list).toList();
  }
}
