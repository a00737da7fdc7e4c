package io.astralytiq.operator.dashboard;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DefinitionRef;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.operator.dashboard.informers.DashboardInformers;
import io.astralytiq.operator.dashboard.rollout.Rollouts;
import io.astralytiq.operator.foreign.ForeignApi;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import io.javaoperatorsdk.operator.api.config.informer.FieldSelector;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a Dashboard reads besides its children: its namespace (for the tenant), a referenced ConfigMap, its Tenant,
 * and for rollouts its revisions, its pods and the kubelet's Events about them.
 */
final class DashboardEventSources {

  /** What the operator labels a dashboard's pods and revisions with. */
  private static final String RUNTIME_PODS = Labels.MANAGED_BY + "=" + Labels.OPERATOR + "," + Labels.NAME + "="
      + Labels.DASHBOARD_APP;

  private DashboardEventSources() {}

  static List<EventSource<?, Dashboard>> of(EventSourceContext<Dashboard> context) {
    InformerEventSource<Pod, Dashboard> pods = pods(context);
    List<EventSource<?, Dashboard>> sources = new ArrayList<>(List.of(namespaces(context),
        referencedDefinitions(context), tenants(context), revisions(context), pods,
        unhealthyPodEvents(context, pods)));
    Arrays.stream(ForeignApi.values()).map(api -> foreignApi(context, api)).forEach(sources::add);
    return List.copyOf(sources);
  }

  /**
   * The CRD of a third-party API, watched by name: when it is installed (or removed) every Dashboard looks again,
   * so its dependents of that API start (or stop) without an operator restart.
   */
  private static EventSource<CustomResourceDefinition, Dashboard> foreignApi(EventSourceContext<Dashboard> context,
      ForeignApi api) {
    var config = InformerEventSourceConfiguration.from(CustomResourceDefinition.class, Dashboard.class)
        .withName(api.crdSourceName())
        .withWatchAllNamespaces()
        .withFieldSelector(new FieldSelector(new FieldSelector.Field("metadata.name", api.crdName())))
        .withSecondaryToPrimaryMapper((CustomResourceDefinition crd) -> context.getPrimaryCache().list()
            .map(ResourceID::fromResource).collect(Collectors.toSet()))
        .build();
    return new InformerEventSource<>(config, context);
  }

  /** The revision history: recording a revision's outcome brings the reconcile that acts on it. */
  private static EventSource<ControllerRevision, Dashboard> revisions(EventSourceContext<Dashboard> context) {
    var config = InformerEventSourceConfiguration.from(ControllerRevision.class, Dashboard.class)
        .withName(DashboardInformers.REVISIONS)
        .withNamespacesInheritedFromController()
        .withLabelSelector(RUNTIME_PODS)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(Dashboard.class, false))
        .withItemStore(keeping(ControllerRevision.class, context, "metadata.labels", "metadata.annotations",
            "metadata.ownerReferences", "metadata.creationTimestamp", "revision", "data"))
        .build();
    return new InformerEventSource<>(config, context);
  }

  /**
   * A cache that keeps only the fields the operator reads, rebuilding the object on each read: at a thousand
   * dashboards, the pods' and revisions' managed fields and the rest of the pod specs would be tens of megabytes.
   */
  private static <R extends HasMetadata> ItemStore<R> keeping(Class<R> type, EventSourceContext<Dashboard> context,
      String... fields) {
    return new ReducedStateItemStore<>(ReducedStateItemStore.NAME_KEY_STATE, type,
        context.getClient().getKubernetesSerialization(), fields);
  }

  /** The runtime's pods: a pod that crash-loops or cannot pull its image fails a rollout before its deadline. */
  private static InformerEventSource<Pod, Dashboard> pods(EventSourceContext<Dashboard> context) {
    var config = InformerEventSourceConfiguration.from(Pod.class, Dashboard.class)
        .withName(DashboardInformers.PODS)
        .withNamespacesInheritedFromController()
        .withLabelSelector(RUNTIME_PODS)
        .withSecondaryToPrimaryMapper((Pod pod) -> Set.of(dashboardOf(pod)))
        .withItemStore(keeping(Pod.class, context, "metadata.labels", "metadata.annotations", "metadata.uid",
            "metadata.deletionTimestamp", "spec.containers", "status"))
        .build();
    return new InformerEventSource<>(config, context);
  }

  /**
   * The kubelet's Events about pods failing a probe: only they carry the HTTP code a runtime's readiness endpoint
   * answered (422 when its definition is unusable), which fails a rollout before its deadline. The server selects
   * them by field, for no label could; each maps to the Dashboard of its pod as the pods informer knows it, so an
   * Event about anyone else's pod maps to none. A repeat of an Event only raises its count: no news.
   */
  private static EventSource<Event, Dashboard> unhealthyPodEvents(EventSourceContext<Dashboard> context,
      InformerEventSource<Pod, Dashboard> pods) {
    var config = InformerEventSourceConfiguration.from(Event.class, Dashboard.class)
        .withName(DashboardInformers.UNHEALTHY_EVENTS)
        .withNamespacesInheritedFromController()
        .withFieldSelector(new FieldSelector(new FieldSelector.Field("reason", Rollouts.UNHEALTHY_REASON),
            new FieldSelector.Field("involvedObject.kind", "Pod")))
        .withOnUpdateFilter((Event now, Event before) -> !Objects.equals(now.getMessage(), before.getMessage()))
        .withSecondaryToPrimaryMapper((Event event) -> pods.get(new ResourceID(event.getInvolvedObject().getName(),
            event.getMetadata().getNamespace())).map(pod -> Set.of(dashboardOf(pod))).orElse(Set.of()))
        .build();
    return new InformerEventSource<>(config, context);
  }

  private static ResourceID dashboardOf(Pod pod) {
    return new ResourceID(pod.getMetadata().getLabels().get(Labels.INSTANCE), pod.getMetadata().getNamespace());
  }

  /**
   * A Tenant's policy decides which of its Dashboards run: a change of its spec, or of how many dashboards it
   * counts (one was added or removed), re-admits every Dashboard in its namespaces.
   */
  private static EventSource<Tenant, Dashboard> tenants(EventSourceContext<Dashboard> context) {
    var config = InformerEventSourceConfiguration.from(Tenant.class, Dashboard.class)
        .withName(DashboardInformers.TENANTS)
        .withWatchAllNamespaces()
        .withOnUpdateFilter((Tenant now, Tenant before) -> !Objects.equals(now.getMetadata().getGeneration(),
            before.getMetadata().getGeneration()) || !Objects.equals(dashboards(now), dashboards(before)))
        .withSecondaryToPrimaryMapper((Tenant t) -> TenantNames.namespaces(t).stream()
            .flatMap(ns -> context.getPrimaryCache().list(ns)).map(ResourceID::fromResource)
            .collect(Collectors.toSet()))
        .build();
    return new InformerEventSource<>(config, context);
  }

  private static Integer dashboards(Tenant tenant) {
    return tenant.getStatus() == null ? null : tenant.getStatus().getDashboards();
  }

  /** A namespace's labels say its tenant: a change re-reconciles every Dashboard in it. */
  private static EventSource<Namespace, Dashboard> namespaces(EventSourceContext<Dashboard> context) {
    var config = InformerEventSourceConfiguration.from(Namespace.class, Dashboard.class)
        .withName(DashboardInformers.NAMESPACES)
        .withWatchAllNamespaces()
        .withSecondaryToPrimaryMapper((Namespace ns) -> context.getPrimaryCache().list(ns.getMetadata().getName())
            .map(ResourceID::fromResource).collect(Collectors.toSet()))
        .withPrimaryToSecondaryMapper((Dashboard d) -> Set.of(new ResourceID(d.getMetadata().getNamespace())))
        .build();
    return new InformerEventSource<>(config, context);
  }

  /**
   * ConfigMaps named by spec.definitionRef, so that editing one rolls its dashboards out, and by spec.dataVolumes,
   * so that a missing one is noticed when it appears. The operator's own ConfigMaps are left out of this cache: the
   * definition dependent already watches them.
   */
  private static EventSource<ConfigMap, Dashboard> referencedDefinitions(EventSourceContext<Dashboard> context) {
    var config = InformerEventSourceConfiguration.from(ConfigMap.class, Dashboard.class)
        .withName(DashboardInformers.REFERENCED_CONFIG_MAPS)
        .withNamespacesInheritedFromController()
        .withLabelSelector(Labels.MANAGED_BY + "!=" + Labels.OPERATOR)
        .withSecondaryToPrimaryMapper((ConfigMap cm) -> context.getPrimaryCache()
            .list(cm.getMetadata().getNamespace(), d -> references(d, cm.getMetadata().getName()))
            .map(ResourceID::fromResource).collect(Collectors.toSet()))
        .withPrimaryToSecondaryMapper((Dashboard d) -> d.getSpec().getDefinitionRef() == null ? Set.of()
            : Set.of(new ResourceID(d.getSpec().getDefinitionRef().getName(), d.getMetadata().getNamespace())))
        .build();
    return new InformerEventSource<>(config, context);
  }

  private static boolean references(Dashboard dashboard, String configMap) {
    DefinitionRef ref = dashboard.getSpec().getDefinitionRef();
    return ref != null && configMap.equals(ref.getName()) || dashboard.getSpec().getDataVolumes() != null
        && dashboard.getSpec().getDataVolumes().stream()
            .anyMatch(v -> v.getConfigMap() != null && configMap.equals(v.getConfigMap().getName()));
  }
}
