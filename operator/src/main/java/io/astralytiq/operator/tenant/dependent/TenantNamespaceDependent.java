package io.astralytiq.operator.tenant.dependent;

import io.astralytiq.api.v1alpha1.DeletionPolicy;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.Tenant;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's namespaces: created, or adopted when they exist and belong to no other tenant. They are not owned
 * by the Tenant, so nothing but this class ever removes one: when the Tenant goes, or stops naming a namespace,
 * deletionPolicy Delete removes the namespaces the operator created; everything else is only released (its tenant
 * label removed), with all it contains.
 */
@KubernetesDependent(createResourceOnlyIfNotExistingWithSSA = false)
public class TenantNamespaceDependent extends KubernetesDependentResource<Namespace, Tenant>
    implements CRUDKubernetesBulkDependentResource<Namespace, Tenant> {

  private static final Logger LOG = LoggerFactory.getLogger(TenantNamespaceDependent.class);

  public TenantNamespaceDependent() {
    super(Namespace.class);
  }

  @Override
  public Map<ResourceID, Namespace> desiredResources(Tenant tenant, Context<Tenant> context) {
    return TenantWorkflowContext.model(context).namespaceObjects().stream()
        .collect(Collectors.toMap(ResourceID::fromResource, ns -> ns));
  }

  @Override
  public Map<ResourceID, Namespace> getSecondaryResources(Tenant tenant, Context<Tenant> context) {
    return context.getSecondaryResources(Namespace.class).stream()
        .collect(Collectors.toMap(ResourceID::fromResource, ns -> ns));
  }

  @Override
  public void deleteTargetResource(Tenant tenant, Namespace namespace, ResourceID key, Context<Tenant> context) {
    boolean created = namespace.getMetadata().getAnnotations() != null
        && namespace.getMetadata().getAnnotations().containsKey(Labels.CREATED_FOR_TENANT);
    if (created && tenant.getSpec().getDeletionPolicy() == DeletionPolicy.Delete) {
      LOG.info("deleting namespace {} created for tenant {} (deletionPolicy Delete)", key.getName(),
          tenant.getMetadata().getName());
      context.getClient().namespaces().withName(key.getName()).delete();
      return;
    }
    LOG.info("releasing namespace {} from tenant {}, keeping its content", key.getName(),
        tenant.getMetadata().getName());
    context.getClient().namespaces().withName(key.getName()).edit(ns -> {
      ns.getMetadata().getLabels().remove(Labels.TENANT);
      ns.getMetadata().getLabels().remove(Labels.MANAGED_BY);
      if (ns.getMetadata().getAnnotations() != null) {
        ns.getMetadata().getAnnotations().keySet().removeIf(k -> k.equals(Labels.CREATED_FOR_TENANT)
            || k.startsWith("javaoperatorsdk.io/"));
      }
      return ns;
    });
  }
}
