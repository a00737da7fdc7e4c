package io.astralytiq.operator.dashboard.inputs;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether spec.runtime.env gives dashboard-runtime only what a Dashboard may give it. The schema's rule is keyed on
 * spec.runtime.image being unset, since the schema does not know the operator's runtime image; a Dashboard naming
 * that image passes it, and its env could then turn off the runtime's sandbox or egress checks. Pure.
 */
final class RuntimeEnv {

  private RuntimeEnv() {}

  /** The EnvNotAllowed problem, when the default runtime runs and the env sets anything but TZ. */
  static Optional<Outcome> problem(DashboardModel model) {
    RuntimeSpec runtime = model.spec().getRuntime();
    if (!model.runsDefaultRuntime() || runtime == null || runtime.getEnv() == null) {
      return Optional.empty();
    }
    List<String> refused = runtime.getEnv().stream().map(EnvVar::getName).filter(Objects::nonNull)
        .filter(name -> !name.equals(RuntimeContract.USER_ENV)).distinct().toList();
    if (refused.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(DashboardInputs.problem(DashboardConditions.REASON_ENV_NOT_ALLOWED, "spec.runtime.env sets "
        + String.join(", ", refused) + ", but spec.runtime.image " + model.image() + " is dashboard-runtime, which"
        + " takes only " + RuntimeContract.USER_ENV + " from a Dashboard: the operator sets its settings, limits and"
        + " sandbox"));
  }
}
