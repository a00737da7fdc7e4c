package io.astralytiq.operator.tenant;

import io.astralytiq.operator.common.Refusal;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects of a Tenant the API server refused in one run of its workflow, by the same rule as a Dashboard's
 * children ({@link Refusal}): reported in the Tenant's status, where a platform engineer looks, instead of an
 * exception retried with a stack trace. An error that is no refusal is rethrown for the SDK's retry with backoff.
 */
final class TenantRefusals {

  private TenantRefusals() {}

  /**
   * The refusals, in the order of their kinds.
   *
   * @throws RuntimeException the workflow's errors together, when any of them is not a refusal
   */
  @SuppressWarnings("rawtypes")
  static List<Refusal> of(WorkflowReconcileResult result) {
    List<Refusal> refusals = new ArrayList<>();
    List<Map.Entry<DependentResource, Exception>> errors = new ArrayList<>(result.getErroredDependents().entrySet());
    errors.sort(Comparator.comparing(e -> e.getKey().resourceType().getSimpleName()));
    for (Map.Entry<DependentResource, Exception> error : errors) {
      Optional<Refusal> refusal = Refusal.of(error.getValue(), error.getKey().resourceType().getSimpleName(),
          refusedName(error.getValue()));
      if (refusal.isEmpty()) {
        result.throwAggregateExceptionIfErrorsPresent();
      }
      refusals.add(refusal.orElseThrow());
    }
    return List.copyOf(refusals);
  }

  /**
   * A Tenant's objects come one per namespace or per member, so the dependent does not know which one failed; the
   * API server's answer does.
   */
  private static String refusedName(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException e && e.getStatus() != null
          && e.getStatus().getDetails() != null && e.getStatus().getDetails().getName() != null) {
        return e.getStatus().getDetails().getName();
      }
    }
    return "(name not given)";
  }
}
