package io.astralytiq.operator.dashboard;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardStatus;
import io.astralytiq.operator.common.Conditions;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The status a Dashboard should show: the features' outcomes set as conditions, Ready and the phase by
 * {@link ReadyRules}, and the earliest time any outcome wants another look.
 */
final class DashboardStatusFactory {

  /**
   * @param status the status to write
   * @param recheckAfter how long until an outcome wants another look though nothing watched changes
   */
  record Computed(DashboardStatus status, Optional<Duration> recheckAfter) {}

  private DashboardStatusFactory() {}

  /**
   * @param rollout the plan applied and the verdict on it; empty when no rollout was planned
   * @param features the outcomes of the optional features (TLSReady, AlertsReady...), in the order they are shown
   * @param certificateNotAfter the served certificate's expiry, or null
   */
  static Computed compute(DashboardInputs inputs, Optional<Deployment> deployment, Optional<AppliedRollout> rollout,
      List<Outcome> features, String certificateNotAfter, Clock clock) {
    DashboardModel model = inputs.model();
    Dashboard dashboard = model.dashboard();
    DashboardStatus previous = dashboard.getStatus() == null ? new DashboardStatus() : dashboard.getStatus();
    Progress progress = Progress.of(deployment);

    DashboardStatus status = new DashboardStatus();
    status.setObservedGeneration(dashboard.getMetadata().getGeneration());
    status.setReplicas(progress.replicas());
    status.setReadyReplicas(progress.ready());
    status.setSelector(model.selectorLabels().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
    status.setUrl(model.servedIngress().isPresent() || model.spec().getIngress() == null ? model.url() : null);
    status.setCurrentRevision(rollout.map(r -> r.plan().target().number()).orElse(previous.getCurrentRevision()));
    status.setLastGoodRevision(rollout.isPresent() ? rollout.get().lastGood() : previous.getLastGoodRevision());
    status.setCertificateNotAfter(certificateNotAfter);

    List<Outcome> outcomes = new ArrayList<>(List.of(inputs.admission(), progress.available(),
        progress.progressing()));
    rollout.map(AppliedRollout::rolledBack).ifPresent(outcomes::add);
    outcomes.addAll(features);
    ReadyRules.Readiness readiness = ReadyRules.decide(new ReadyRules.Facts(inputs, progress, rollout, features));
    outcomes.add(readiness.ready());
    outcomes.addAll(KstatusConditions.of(readiness.phase(), readiness.ready()));
    status.setPhase(readiness.phase());

    Conditions conditions = new Conditions(previous.getConditions(), dashboard.getMetadata().getGeneration(), clock);
    outcomes.forEach(conditions::set);
    status.setConditions(conditions.build());
    outcomes.addAll(inputs.problems());
    return new Computed(status, Outcome.earliestRecheck(outcomes, clock));
  }
}
