package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where the runtime's pods may run: the placement fields of spec.runtime on the pod template. A field left out of
 * the spec stays out of the template, so dashboards that set none keep the pod template (and revision) they had.
 */
final class DesiredPlacement {

  private DesiredPlacement() {}

  /** Copies throughout: the spec's objects come from the informer cache and are not ours to change. */
  static PodSpecBuilder applyTo(PodSpecBuilder pod, DashboardModel model) {
    RuntimeSpec runtime = model.spec().getRuntime();
    if (runtime == null) {
      return pod;
    }
    return pod
        .withNodeSelector(runtime.getNodeSelector() == null || runtime.getNodeSelector().isEmpty() ? null
            : new LinkedHashMap<>(runtime.getNodeSelector()))
        .withTolerations(copies(runtime.getTolerations(), t -> new TolerationBuilder(t).build()))
        .withAffinity(runtime.getAffinity() == null ? null : new AffinityBuilder(runtime.getAffinity()).build())
        .withTopologySpreadConstraints(copies(runtime.getTopologySpreadConstraints(), c -> spread(c, model)))
        .withPriorityClassName(runtime.getPriorityClassName());
  }

  /**
   * A constraint without a labelSelector would count no pods at all and so never spread anything; what a user
   * means by it is "spread this dashboard's pods", so it gets the Deployment's selector.
   */
  private static TopologySpreadConstraint spread(TopologySpreadConstraint constraint, DashboardModel model) {
    TopologySpreadConstraintBuilder copy = new TopologySpreadConstraintBuilder(constraint);
    return constraint.getLabelSelector() != null ? copy.build()
        : copy.withNewLabelSelector().withMatchLabels(model.selectorLabels()).endLabelSelector().build();
  }

  private static <T> List<T> copies(List<T> values, UnaryOperator<T> copy) {
    return values == null || values.isEmpty() ? null : values.stream().map(copy).toList();
  }
}
