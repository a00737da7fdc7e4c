package io.astralytiq.operator.tenant.dependent;

import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.operator.tenant.model.TenantModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Objects a Tenant has in each of its namespaces (one per namespace, or per role): applied with server-side apply,
 * removed when no longer desired, and owned by the Tenant so the garbage collector removes them with it.
 */
abstract class TenantChildDependent<R extends HasMetadata> extends KubernetesDependentResource<R, Tenant>
    implements CRUDKubernetesBulkDependentResource<R, Tenant>, GarbageCollected<Tenant> {

  private final Function<TenantModel, List<R>> desired;

  TenantChildDependent(Class<R> type, Function<TenantModel, List<R>> desired) {
    super(type);
    this.desired = desired;
  }

  @Override
  public Map<ResourceID, R> desiredResources(Tenant tenant, Context<Tenant> context) {
    return byId(desired.apply(TenantWorkflowContext.model(context)));
  }

  @Override
  public Map<ResourceID, R> getSecondaryResources(Tenant tenant, Context<Tenant> context) {
    return byId(context.getSecondaryResources(resourceType()).stream().toList());
  }

  private static <T extends HasMetadata> Map<ResourceID, T> byId(List<T> resources) {
    return resources.stream().collect(Collectors.toMap(ResourceID::fromResource, r -> r));
  }
}
