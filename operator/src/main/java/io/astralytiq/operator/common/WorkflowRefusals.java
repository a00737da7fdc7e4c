package io.astralytiq.operator.common;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The children the API server refused in one run of a workflow ({@link Refusal}), for Dashboards and Tenants alike,
 * so that what a kind reports is only its own condition. An error that is no refusal is rethrown, together with the
 * others, for the SDK's retry with backoff.
 */
public final class WorkflowRefusals {

  /** One refused child and the dependent that applied it. */
  @SuppressWarnings("rawtypes")
  public record Refused(DependentResource dependent, Refusal refusal) {}

  private WorkflowRefusals() {}

  /**
   * The refusals, in the order of their kinds. The child's name is the one in the API server's answer, else
   * {@code nameOf} the dependent (a dependent of many objects does not know which one failed; the answer does).
   *
   * @throws RuntimeException the workflow's errors together, when any of them is not a refusal
   */
  @SuppressWarnings("rawtypes")
  public static List<Refused> of(WorkflowReconcileResult result, Function<DependentResource, String> nameOf) {
    List<Refused> refused = new ArrayList<>();
    List<Map.Entry<DependentResource, Exception>> errors = new ArrayList<>(result.getErroredDependents().entrySet());
    errors.sort(Comparator.comparing(e -> e.getKey().resourceType().getSimpleName()));
    for (Map.Entry<DependentResource, Exception> error : errors) {
      DependentResource dependent = error.getKey();
      Optional<Refusal> refusal = Refusal.of(error.getValue(), dependent.resourceType().getSimpleName(),
          answeredName(error.getValue()).orElseGet(() -> nameOf.apply(dependent)));
      if (refusal.isEmpty()) {
        result.throwAggregateExceptionIfErrorsPresent();
      }
      refused.add(new Refused(dependent, refusal.orElseThrow()));
    }
    return List.copyOf(refused);
  }

  private static Optional<String> answeredName(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException e && e.getStatus() != null
          && e.getStatus().getDetails() != null && e.getStatus().getDetails().getName() != null) {
        return Optional.of(e.getStatus().getDetails().getName());
      }
    }
    return Optional.empty();
  }
}
