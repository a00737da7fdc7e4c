package io.astralytiq.operator.dashboard.rollout;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, from the Deployment, its pods and the kubelet's Events about them as the cluster reports them, whether a
 * revision is healthy, still rolling out, or failed, as early as the evidence allows: pods that crash-loop, cannot
 * pull their image, cannot start their container or failed, and pods of dashboard-runtime whose readiness endpoint
 * reports the definition unusable, are proof before the progress deadline; pods that simply never become ready are
 * judged at the Deployment's deadline. Pure: no clock, no cluster.
 */
public final class RolloutJudge {

  /** A container restarted this many times has shown it does not stay up. */
  static final int RESTARTS_THRESHOLD = 2;
  private static final Set<String> FATAL_WAITING = Set.of(DashboardConditions.REASON_CRASH_LOOP_BACK_OFF,
      DashboardConditions.REASON_ERR_IMAGE_PULL, DashboardConditions.REASON_IMAGE_PULL_BACK_OFF,
      DashboardConditions.REASON_INVALID_IMAGE_NAME, DashboardConditions.REASON_CREATE_CONTAINER_ERROR,
      DashboardConditions.REASON_CREATE_CONTAINER_CONFIG_ERROR, DashboardConditions.REASON_RUN_CONTAINER_ERROR);

  private RolloutJudge() {}

  /**
   * @param pods the Dashboard's pods, of every revision
   * @param events Unhealthy Events about pods (of any revision: each pod's own are picked by its uid)
   * @param fingerprint the revision to judge
   */
  public static Verdict judge(Deployment deployment, List<Pod> pods, List<Event> events, String fingerprint) {
    List<Pod> revisionPods = pods.stream()
        .filter(p -> fingerprint.equals(annotation(p.getMetadata().getAnnotations(), Revisions.REVISION_ANNOTATION)))
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    List<String> evidence = new ArrayList<>();
    String reason = null;
    for (Pod pod : revisionPods) {
      String problem = problem(pod, events);
      if (problem != null) {
        reason = reason == null ? problem.substring(0, problem.indexOf(':')) : reason;
        evidence.add("pod " + pod.getMetadata().getName() + " " + problem.substring(problem.indexOf(':') + 2));
      }
    }
    if (reason != null) {
      return Verdict.failed(reason, String.join("; ", evidence));
    }
    if (deadlineExceeded(deployment)) {
      return Verdict.failed(DashboardConditions.REASON_PROGRESS_DEADLINE_EXCEEDED, revisionPods.size()
          + " pod(s) of the revision, " + revisionPods.stream().filter(RolloutJudge::ready).count()
          + " ready, when the progress deadline of " + deployment.getSpec().getProgressDeadlineSeconds() + "s passed");
    }
    return complete(deployment, fingerprint) ? Verdict.HEALTHY : Verdict.PROGRESSING;
  }

  /** "Reason: what was seen", or null for a pod that shows nothing wrong. */
  private static String problem(Pod pod, List<Event> events) {
    if ("Failed".equals(pod.getStatus() == null ? null : pod.getStatus().getPhase())) {
      return DashboardConditions.REASON_POD_FAILED + ": failed ("
          + Objects.toString(pod.getStatus().getReason(), "no reason given") + ")";
    }
    String container = containerProblem(pod);
    if (container != null) {
      return container;
    }
    if (!ready(pod) && ReadinessEvents.definitionUnusable(pod, events)) {
      return DashboardConditions.REASON_DEFINITION_UNUSABLE + ": answered "
          + RuntimeContract.DEFINITION_UNUSABLE_STATUS + " on its readiness endpoint ("
          + RuntimeContract.READINESS_PATH + "): the dashboard definition did not load; that endpoint and the"
          + " dashboard page of a pod of this revision list the problems";
    }
    return null;
  }

  private static String containerProblem(Pod pod) {
    List<ContainerStatus> containers = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
        ? List.of() : pod.getStatus().getContainerStatuses();
    for (ContainerStatus container : containers) {
      var waiting = container.getState() == null ? null : container.getState().getWaiting();
      if (waiting != null && FATAL_WAITING.contains(waiting.getReason())) {
        return waiting.getReason() + ": container " + container.getName() + " " + waiting.getReason()
            + (waiting.getMessage() == null ? "" : " (" + waiting.getMessage() + ")") + ", restarts "
            + container.getRestartCount();
      }
      if (container.getRestartCount() != null && container.getRestartCount() >= RESTARTS_THRESHOLD) {
        return DashboardConditions.REASON_CRASH_LOOP_BACK_OFF + ": container " + container.getName() + " restarted "
            + container.getRestartCount() + " times";
      }
    }
    return null;
  }

  private static boolean deadlineExceeded(Deployment deployment) {
    return deployment.getStatus() != null && deployment.getStatus().getConditions().stream()
        .anyMatch(c -> "Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason()));
  }

  /** Every replica runs this revision, ready and available, and no older pod is left. */
  private static boolean complete(Deployment deployment, String fingerprint) {
    var status = deployment.getStatus();
    int desired = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    return status != null && status.getObservedGeneration() != null
        && status.getObservedGeneration() >= deployment.getMetadata().getGeneration()
        && fingerprint.equals(annotation(deployment.getSpec().getTemplate().getMetadata().getAnnotations(),
            Revisions.REVISION_ANNOTATION))
        && count(status.getUpdatedReplicas()) == desired && count(status.getAvailableReplicas()) == desired
        && count(status.getReadyReplicas()) == desired && count(status.getReplicas()) == desired;
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }

  private static String annotation(Map<String, String> annotations, String key) {
    return annotations == null ? null : annotations.get(key);
  }
}
