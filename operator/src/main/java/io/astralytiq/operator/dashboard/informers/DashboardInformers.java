package io.astralytiq.operator.dashboard.informers;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.operator.common.Informers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * The names of the informers a Dashboard reads besides its children, and typed access to them: the root's
 * DashboardEventSources registers them under these names, the features read them through these methods.
 */
public final class DashboardInformers {

  /** The Dashboard's namespace, for its tenant label. */
  public static final String NAMESPACES = "namespace";
  /** ConfigMaps named by spec.definitionRef or spec.dataVolumes. */
  public static final String REFERENCED_CONFIG_MAPS = "definition-ref";
  public static final String TENANTS = "tenant";
  /** The ControllerRevisions that record the rollout history. */
  public static final String REVISIONS = "revisions";
  public static final String PODS = "pods";
  /** The kubelet's Unhealthy Events about the runtime's pods. */
  public static final String UNHEALTHY_EVENTS = "unhealthy-pod-events";

  private DashboardInformers() {}

  public static InformerEventSource<Namespace, Dashboard> namespaces(Context<Dashboard> context) {
    return Informers.named(context, Namespace.class, NAMESPACES);
  }

  public static InformerEventSource<Tenant, Dashboard> tenants(Context<Dashboard> context) {
    return Informers.named(context, Tenant.class, TENANTS);
  }

  public static InformerEventSource<ConfigMap, Dashboard> referencedConfigMaps(Context<Dashboard> context) {
    return Informers.named(context, ConfigMap.class, REFERENCED_CONFIG_MAPS);
  }

  public static InformerEventSource<ControllerRevision, Dashboard> revisions(Context<Dashboard> context) {
    return Informers.named(context, ControllerRevision.class, REVISIONS);
  }

  public static InformerEventSource<Event, Dashboard> unhealthyEvents(Context<Dashboard> context) {
    return Informers.named(context, Event.class, UNHEALTHY_EVENTS);
  }
}
