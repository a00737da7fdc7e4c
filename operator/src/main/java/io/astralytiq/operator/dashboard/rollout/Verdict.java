package io.astralytiq.operator.dashboard.rollout;

/**
 * What the cluster shows of a revision being rolled out.
 *
 * @param state healthy, still progressing, or failed
 * @param reason for a failure, the CamelCase cause (CrashLoopBackOff, ImagePullBackOff, DefinitionUnusable,
 *     ProgressDeadlineExceeded...)
 * @param evidence for a failure, which pods showed it and how, for the status message and the Event
 */
public record Verdict(State state, String reason, String evidence) {

  /** The states of a rollout. */
  public enum State {
    HEALTHY,
    PROGRESSING,
    FAILED
  }

  public static final Verdict HEALTHY = new Verdict(State.HEALTHY, null, null);
  public static final Verdict PROGRESSING = new Verdict(State.PROGRESSING, null, null);

  public static Verdict failed(String reason, String evidence) {
    return new Verdict(State.FAILED, reason, evidence);
  }

  public boolean failed() {
    return state == State.FAILED;
  }
}
