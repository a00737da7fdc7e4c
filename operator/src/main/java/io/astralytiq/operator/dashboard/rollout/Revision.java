package io.astralytiq.operator.dashboard.rollout;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.time.Instant;

/**
 * One revision of a Dashboard: the pod template it ran (the definition comes with it, through the hash-named
 * ConfigMap the template mounts), its number and what became of it.
 *
 * @param number 1, 2, ... in the order revisions were first applied
 * @param fingerprint hash of the pod template; also the pods' astralytiq.io/revision annotation
 * @param template the pod template, without the revision annotation
 * @param outcome Healthy, Failed, or null while not judged
 * @param failure for a failed revision, "Reason: evidence"
 * @param name the ControllerRevision recording it
 * @param recorded when the ControllerRevision was created (null before the API server has said)
 */
public record Revision(long number, String fingerprint, PodTemplateSpec template, String outcome, String failure,
    String name, Instant recorded) {

  public static final String HEALTHY = "Healthy";
  public static final String FAILED = "Failed";

  public boolean healthy() {
    return HEALTHY.equals(outcome);
  }

  public boolean hasFailed() {
    return FAILED.equals(outcome);
  }
}
