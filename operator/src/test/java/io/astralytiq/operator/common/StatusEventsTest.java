package io.astralytiq.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One Event per change of the Ready reason; none for a new resource that is merely starting. */
class StatusEventsTest {

  private final List<String> recorded = new ArrayList<>();
  private final StatusEvents events = new StatusEvents(new EventRecorder(null, Clock.systemUTC()) {
    @Override
    public void normal(HasMetadata about, String reason, String message) {
      recorded.add("Normal " + reason);
    }

    @Override
    public void warning(HasMetadata about, String reason, String message) {
      recorded.add("Warning " + reason);
    }
  });

  @Test
  void aNewDashboardRollingOutIsNotNewsButReadyIs() {
    List<Condition> rolling = ready(false, "RollingOut");
    events.onTransition(new Dashboard(), null, rolling);
    events.onTransition(new Dashboard(), rolling, ready(true, "RolledOut"));

    assertThat(recorded).containsExactly("Normal RolledOut");
  }

  @Test
  void aFirstStartThatSucceedsIsNoNewsButItsTroubleAndLaterRecoveriesAre() {
    List<Condition> rolling = ready(false, "RollingOut");
    List<Condition> crashing = ready(false, "CrashLoopBackOff");
    events.onTransition(new Dashboard(), null, rolling, true);
    events.onTransition(new Dashboard(), rolling, ready(true, "RolledOut"), true);
    assertThat(recorded).as("coming up as asked").isEmpty();

    events.onTransition(new Dashboard(), rolling, crashing, true);
    events.onTransition(new Dashboard(), crashing, ready(true, "RolledOut"), true);
    assertThat(recorded).containsExactly("Warning CrashLoopBackOff", "Normal RolledOut");
  }

  @Test
  void problemsAreWarningsAndAnUnchangedReasonIsSilent() {
    List<Condition> missing = ready(false, "DefinitionNotFound");
    events.onTransition(new Dashboard(), null, missing);
    events.onTransition(new Dashboard(), missing, ready(false, "DefinitionNotFound"));

    assertThat(recorded).containsExactly("Warning DefinitionNotFound");
  }

  private static List<Condition> ready(boolean status, String reason) {
    return new Conditions(List.of(), 1, Clock.systemUTC()).set("Ready", status, reason, "m").build();
  }
}
