package io.astralytiq.operator.common;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a change of a resource's Ready condition into one Event: Normal when it became ready or was suspended on
 * purpose, Warning otherwise. Nothing is emitted while the reason stays the same, so resyncs write no events.
 */
public class StatusEvents {

  private static final String READY = "Ready";
  private static final List<String> NORMAL_REASONS = List.of("RolledOut", "Suspended", "Ready");
  private static final List<String> STARTING = List.of("RollingOut", "Pending");

  private final EventRecorder recorder;

  public StatusEvents(EventRecorder recorder) {
    this.recorder = recorder;
  }

  public void onTransition(HasMetadata resource, List<Condition> before, List<Condition> after) {
    Optional<Condition> was = Conditions.find(before, READY);
    Optional<Condition> now = Conditions.find(after, READY);
    if (now.isEmpty() || was.map(c -> Objects.equals(c.getReason(), now.get().getReason())).orElse(false)) {
      return;
    }
    if (was.isEmpty() && STARTING.contains(now.get().getReason())) {
      // A new resource starting up is no news: its first event is when it is ready, or when something is wrong.
      return;
    }
    Condition ready = now.get();
    if ("True".equals(ready.getStatus()) || NORMAL_REASONS.contains(ready.getReason())) {
      recorder.normal(resource, ready.getReason(), ready.getMessage());
    } else {
      recorder.warning(resource, ready.getReason(), ready.getMessage());
    }
  }
}
