package io.astralytiq.operator.dashboard.dependent;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The immutable ConfigMap holding the current definition. Earlier definitions' ConfigMaps stay as revision
 * history (the pods of a rollback need them); the garbage collector removes them with the Dashboard.
 */
@KubernetesDependent(informer = @Informer(labelSelector = DashboardWorkflowContext.OWNED))
public class DashboardDefinitionDependent extends CRUDKubernetesDependentResource<ConfigMap, Dashboard> {

  public DashboardDefinitionDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(Dashboard dashboard, Context<Dashboard> context) {
    return DashboardWorkflowContext.model(context).definitionConfigMap().orElseThrow();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Dashboard dashboard, Context<Dashboard> context) {
    return ResourceID.fromResource(desired(dashboard, context));
  }

  @Override
  public void delete(Dashboard dashboard, Context<Dashboard> context) {
    // Never deleted while the Dashboard lives: a definition removed from the spec may still be a revision to
    // roll back to.
  }
}
