package io.astralytiq.operator.dashboard.dependent;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.function.Function;

/**
 * A child of a Dashboard applied with server-side apply: its desired state comes from the {@link DashboardModel}
 * and its name from DashboardNames, so finding the existing child never needs the desired one (an optional
 * child being deleted has none).
 */
abstract class DashboardChildDependent<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, Dashboard> {

  private final Function<DashboardModel, R> desired;
  private final Function<Dashboard, String> name;

  DashboardChildDependent(Class<R> type, Function<DashboardModel, R> desired, Function<Dashboard, String> name) {
    super(type);
    this.desired = desired;
    this.name = name;
  }

  /** For a child whose desired state is not the model's alone: the subclass overrides {@link #desired}. */
  DashboardChildDependent(Class<R> type, Function<Dashboard, String> name) {
    this(type, model -> {
      throw new UnsupportedOperationException(type.getSimpleName() + " overrides desired()");
    }, name);
  }

  @Override
  protected R desired(Dashboard dashboard, Context<Dashboard> context) {
    return desired.apply(DashboardWorkflowContext.model(context));
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Dashboard dashboard, Context<Dashboard> context) {
    return new ResourceID(name.apply(dashboard), dashboard.getMetadata().getNamespace());
  }
}
