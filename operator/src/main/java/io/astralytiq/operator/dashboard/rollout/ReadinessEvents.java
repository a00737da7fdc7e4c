package io.astralytiq.operator.dashboard.rollout;

import io.astralytiq.api.runtime.RuntimeContract;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the kubelet's Unhealthy Events say of a pod's readiness probe. Such an Event keeps the HTTP code the probe
 * got and drops the body, so the code is all dashboard-runtime can tell the operator about why it is not ready.
 * Pure.
 */
final class ReadinessEvents {

  /** The kubelet's message for an HTTP readiness probe answered with an error code (kwok appends a note). */
  private static final Pattern READINESS_CODE =
      Pattern.compile("^Readiness probe failed: HTTP probe failed with statuscode: (\\d{3})\\b");
  /** How a kubelet names the container whose probe failed in involvedObject.fieldPath. */
  private static final Pattern CONTAINER_FIELD = Pattern.compile("^spec\\.containers\\{(.+)}$");

  private ReadinessEvents() {}

  /**
   * Whether an Event about this pod says that a readiness probe following dashboard-runtime's contract (the path
   * {@link RuntimeContract#READINESS_PATH}) was answered with {@link RuntimeContract#DEFINITION_UNUSABLE_STATUS}.
   * One such answer is enough: the runtime reads its definition once, from an immutable ConfigMap, so the pod will
   * never get better. A probe on another path belongs to an image of the user's, whose 422 means what it means to
   * that image, so it is not judged here.
   */
  static boolean definitionUnusable(Pod pod, List<Event> events) {
    return events.stream()
        .filter(event -> about(event, pod))
        .filter(event -> readinessCode(event) == RuntimeContract.DEFINITION_UNUSABLE_STATUS)
        .anyMatch(event -> probedContainers(event, pod).anyMatch(ReadinessEvents::followsRuntimeContract));
  }

  /** An Unhealthy Event about this very pod: the uid tells it from an earlier pod of the same name. */
  private static boolean about(Event event, Pod pod) {
    var subject = event.getInvolvedObject();
    return Rollouts.UNHEALTHY_REASON.equals(event.getReason()) && subject != null && "Pod".equals(subject.getKind())
        && pod.getMetadata().getUid() != null && pod.getMetadata().getUid().equals(subject.getUid());
  }

  /** The HTTP code of a failed readiness probe, or -1 for any other message (a liveness probe, a timeout...). */
  private static int readinessCode(Event event) {
    Matcher matcher = READINESS_CODE.matcher(Objects.toString(event.getMessage(), ""));
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  /** The container the Event names, or every container of the pod when it names none (kwok does not). */
  private static Stream<Container> probedContainers(Event event, Pod pod) {
    List<Container> containers = pod.getSpec() == null ? List.of() : pod.getSpec().getContainers();
    Matcher named = CONTAINER_FIELD.matcher(Objects.toString(event.getInvolvedObject().getFieldPath(), ""));
    return named.matches() ? containers.stream().filter(c -> named.group(1).equals(c.getName()))
        : containers.stream();
  }

  private static boolean followsRuntimeContract(Container container) {
    var probe = container.getReadinessProbe();
    return probe != null && probe.getHttpGet() != null
        && RuntimeContract.READINESS_PATH.equals(probe.getHttpGet().getPath());
  }
}
