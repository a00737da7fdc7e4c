package io.astralytiq.operator.common;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a change of a resource's Ready condition (and of those that report on image signatures, TLS and alerts) into one
 * Event: Normal when it became true or changed on purpose, Warning otherwise. Nothing is emitted while the reason
 * stays the same, so resyncs write no events.
 */
public class StatusEvents {

  private static final String SUSPENDED = "Suspended";
  private static final List<String> WATCHED = List.of("Ready", "ImageVerified", "TLSReady", "AlertsReady");
  /** Conditions whose way up on a first start is no news (see onTransition). */
  private static final List<String> QUIET_ON_FIRST_START = List.of("Ready", "ImageVerified");
  private static final List<String> NORMAL_REASONS = List.of("RolledOut", "Suspended", "Ready", "TLSDisabled",
      "NoAlerts");
  private static final List<String> STARTING = List.of("RollingOut", "Pending", "CertificatePending", "TLSDisabled",
      "NoAlerts", "VerificationPending");

  private final EventRecorder recorder;

  public StatusEvents(EventRecorder recorder) {
    this.recorder = recorder;
  }

  /** An Event of something done on purpose that no condition shows (a certificate renewed). */
  public void normal(HasMetadata resource, String reason, String message) {
    recorder.normal(resource, reason, message);
  }

  public void onTransition(HasMetadata resource, List<Condition> before, List<Condition> after) {
    onTransition(resource, before, after, false);
  }

  /**
   * @param firstStart whether the resource has never been ready: then its first way up (starting, then ready) is
   *     no news either, and only trouble is reported. At a thousand new dashboards, an Event each for coming up as
   *     asked would be a thousand writes telling nobody anything.
   */
  public void onTransition(HasMetadata resource, List<Condition> before, List<Condition> after, boolean firstStart) {
    for (String type : WATCHED) {
      onTransition(resource, type, before, after, firstStart && QUIET_ON_FIRST_START.contains(type));
    }
  }

  private void onTransition(HasMetadata resource, String type, List<Condition> before, List<Condition> after,
      boolean firstStart) {
    Optional<Condition> was = Conditions.find(before, type);
    Optional<Condition> now = Conditions.find(after, type);
    if (now.isEmpty() || was.map(c -> Objects.equals(c.getReason(), now.get().getReason())).orElse(false)) {
      return;
    }
    boolean wasStarting = was.isEmpty() || STARTING.contains(was.get().getReason());
    if (was.isEmpty() && STARTING.contains(now.get().getReason())
        || firstStart && wasStarting && "True".equals(now.get().getStatus())
        && !SUSPENDED.equals(now.get().getReason())) {
      // A new resource starting up is no news: its first event is when something is wrong (or, unless this is its
      // first start, when it is ready). Suspending is news even then: someone asked for it.
      return;
    }
    Condition changed = now.get();
    if ("True".equals(changed.getStatus()) || NORMAL_REASONS.contains(changed.getReason())) {
      recorder.normal(resource, changed.getReason(), changed.getMessage());
    } else {
      recorder.warning(resource, changed.getReason(), changed.getMessage());
    }
  }
}
