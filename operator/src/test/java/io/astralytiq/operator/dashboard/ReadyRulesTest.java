package io.astralytiq.operator.dashboard;

import static io.astralytiq.operator.dashboard.StatusFixtures.dashboard;
import static io.astralytiq.operator.dashboard.StatusFixtures.deployment;
import static io.astralytiq.operator.dashboard.StatusFixtures.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.dashboard.ReadyRules.Facts;
import io.astralytiq.operator.dashboard.ReadyRules.Readiness;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import io.astralytiq.operator.dashboard.rollout.Revision;
import io.astralytiq.operator.dashboard.rollout.RolloutPlan;
import io.astralytiq.operator.dashboard.rollout.Verdict;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each Ready rule on its own, and the order that decides between rules that both apply. */
class ReadyRulesTest {

  private static final Outcome MISTAKE = DashboardInputs.problem(DashboardConditions.REASON_INVALID_IMAGE, "bad image");
  private static final Revision GOOD = revision(1, Revision.HEALTHY, null);
  private static final Revision FAILED = revision(2, Revision.FAILED, "CrashLoopBackOff: pod sales-2 restarts");

  @Test
  void aProblemWithNothingRunningHasFailedAndOneWithAnOlderVersionIsDegraded() {
    assertThat(ReadyRules.inputProblems(facts(new DashboardSpec(), List.of(MISTAKE), Optional.empty())))
        .map(Readiness::phase).contains(DashboardPhase.Failed);
    assertThat(ReadyRules.inputProblems(facts(new DashboardSpec(), List.of(MISTAKE, DashboardInputs.problem(
        DashboardConditions.REASON_DEFINITION_NOT_FOUND, "no ConfigMap")), running())))
        .map(Readiness::ready).contains(Outcome.of(DashboardConditions.READY, false,
            DashboardConditions.REASON_INVALID_IMAGE, "bad image; no ConfigMap; the last accepted version keeps running"));
    assertThat(ReadyRules.inputProblems(facts(new DashboardSpec(), List.of(), running()))).isEmpty();
  }

  @Test
  void anImageWhoseSignatureIsBeingReadIsOnItsWayNotFailed() {
    Outcome pending = DashboardInputs.problem(DashboardConditions.REASON_VERIFICATION_PENDING,
        "reading the signature of registry.acme.io/team/app:1 from its registry");

    assertThat(ReadyRules.decide(facts(new DashboardSpec(), List.of(pending), Optional.empty())).phase())
        .isEqualTo(DashboardPhase.Pending);
    assertThat(ReadyRules.decide(facts(new DashboardSpec(), List.of(pending), running())))
        .satisfies(r -> assertThat(r.phase()).isEqualTo(DashboardPhase.Progressing))
        .satisfies(r -> assertThat(r.ready().message()).endsWith("; the last accepted version keeps running"));
  }

  @Test
  void suspendedIsReady() {
    DashboardSpec spec = new DashboardSpec();
    spec.setSuspend(true);

    assertThat(ReadyRules.suspended(facts(spec, List.of(), running()))).map(Readiness::ready)
        .map(Outcome::status).contains(true);
    assertThat(ReadyRules.suspended(facts(new DashboardSpec(), List.of(), running()))).isEmpty();
  }

  @Test
  void aRollbackSaysWhichRevisionFailedAndWhatRunsInstead() {
    Facts facts = facts(new DashboardSpec(), List.of(), running(),
        new AppliedRollout(new RolloutPlan(GOOD, FAILED, Optional.of(GOOD), true, false), Verdict.HEALTHY));

    assertThat(ReadyRules.rolledBack(facts)).map(Readiness::ready).contains(Outcome.of(DashboardConditions.READY,
        false, DashboardConditions.REASON_ROLLED_BACK, "revision 2 failed (CrashLoopBackOff: pod sales-2 restarts);"
            + " rolled back to revision 1; it is not tried again until the spec changes"));
    assertThat(ReadyRules.decide(facts).phase()).isEqualTo(DashboardPhase.RolledBack);
  }

  @Test
  void aFailingRevisionWithNothingGoodBeforeHasFailed() {
    Facts facts = facts(new DashboardSpec(), List.of(), running(),
        new AppliedRollout(new RolloutPlan(FAILED, FAILED, Optional.empty(), false, false),
            Verdict.failed("CrashLoopBackOff", "pod sales-2 restarts")));

    assertThat(ReadyRules.failedRollout(facts)).map(Readiness::ready).contains(Outcome.of(DashboardConditions.READY,
        false, "CrashLoopBackOff",
        "revision 2 failed: pod sales-2 restarts; there is no earlier healthy revision to roll back to"));
    assertThat(ReadyRules.failedRollout(facts)).map(Readiness::phase).contains(DashboardPhase.Failed);
  }

  @Test
  void aHostHeldElsewhereNamesTheHolder() {
    DashboardSpec spec = new DashboardSpec();
    IngressSpec ingress = new IngressSpec();
    ingress.setHost("sales.example.com");
    spec.setIngress(ingress);
    Facts facts = new Facts(inputs(spec, List.of(), dashboard(new DashboardSpec())), Progress.of(running()),
        Optional.empty(), List.of());

    assertThat(ReadyRules.hostConflict(facts)).map(Readiness::ready).map(Outcome::message)
        .contains("host sales.example.com is already served by Dashboard acme/sales");
  }

  @Test
  void aCertificateThatCannotBeServedMakesADashboardNotReadyWhileOneOnItsWayDoesNot() {
    Optional<Deployment> complete = Optional.of(deployment(2, 2, 2, 2, null));
    Outcome missing = Outcome.of(DashboardConditions.TLS_READY, false, DashboardConditions.REASON_SECRET_NOT_FOUND,
        "tls.mode Secret: Secret sales-tls not found");

    Facts broken = new Facts(inputs(new DashboardSpec(), List.of(), null), Progress.of(complete), Optional.empty(),
        List.of(missing));
    assertThat(ReadyRules.tlsNotReady(broken)).map(Readiness::ready).contains(Outcome.of(DashboardConditions.READY,
        false, DashboardConditions.REASON_TLS_NOT_READY,
        "TLSReady is False (SecretNotFound): tls.mode Secret: Secret sales-tls not found"));
    assertThat(ReadyRules.decide(broken).phase()).as("outranks a complete rollout").isEqualTo(DashboardPhase.Degraded);

    for (String asAsked : List.of(DashboardConditions.REASON_TLS_DISABLED,
        DashboardConditions.REASON_CERTIFICATE_PENDING, DashboardConditions.REASON_CERTIFICATE_EXPIRING_SOON)) {
      Facts served = new Facts(inputs(new DashboardSpec(), List.of(), null), Progress.of(complete), Optional.empty(),
          List.of(Outcome.of(DashboardConditions.TLS_READY, false, asAsked, "served")));
      assertThat(ReadyRules.tlsNotReady(served)).as(asAsked).isEmpty();
      assertThat(ReadyRules.decide(served).phase()).as(asAsked).isEqualTo(DashboardPhase.Ready);
    }
  }

  @Test
  void aCompleteRolloutIsReadyOnlyWhenTheVerdictIsHealthy() {
    Optional<Deployment> complete = Optional.of(deployment(2, 2, 2, 2, null));
    RolloutPlan plan = new RolloutPlan(GOOD, GOOD, Optional.of(GOOD), false, false);

    assertThat(ReadyRules.rolledOut(facts(new DashboardSpec(), List.of(), complete))).map(Readiness::ready)
        .map(Outcome::message).contains("2 of 2 replicas ready on the current revision");
    assertThat(ReadyRules.rolledOut(facts(new DashboardSpec(), List.of(), complete,
        new AppliedRollout(plan, Verdict.PROGRESSING)))).isEmpty();
    assertThat(ReadyRules.rolledOut(facts(new DashboardSpec(), List.of(), Optional.of(deployment(2, 1, 1, 1, null)))))
        .isEmpty();
  }

  @Test
  void aMissedDeadlineIsDegradedAndWhatNoRuleClaimsIsStillOnItsWay() {
    assertThat(ReadyRules.deadlineExceeded(facts(new DashboardSpec(), List.of(),
        Optional.of(deployment(2, 1, 1, 1, "ProgressDeadlineExceeded"))))).map(Readiness::phase)
        .contains(DashboardPhase.Degraded);
    assertThat(ReadyRules.decide(facts(new DashboardSpec(), List.of(), Optional.empty())).phase())
        .isEqualTo(DashboardPhase.Pending);
    assertThat(ReadyRules.decide(facts(new DashboardSpec(), List.of(), Optional.of(deployment(2, 1, 1, 1, null))))
        .phase()).isEqualTo(DashboardPhase.Progressing);
  }

  @Test
  void theFirstRuleThatAppliesWins() {
    DashboardSpec suspended = new DashboardSpec();
    suspended.setSuspend(true);

    assertThat(ReadyRules.decide(facts(suspended, List.of(MISTAKE), running())).ready().reason())
        .as("a mistake outranks suspension").isEqualTo(DashboardConditions.REASON_INVALID_IMAGE);
    assertThat(ReadyRules.decide(facts(suspended, List.of(), Optional.of(deployment(1, 1, 1, 1,
        "ProgressDeadlineExceeded")))).phase()).as("suspension outranks the Deployment").isEqualTo(
        DashboardPhase.Suspended);
  }

  private static Optional<Deployment> running() {
    return Optional.of(deployment(1, 1, 1, 1, null));
  }

  private static Facts facts(DashboardSpec spec, List<Outcome> problems, Optional<Deployment> deployment) {
    return new Facts(inputs(spec, problems, null), Progress.of(deployment), Optional.empty(), List.of());
  }

  private static Facts facts(DashboardSpec spec, List<Outcome> problems, Optional<Deployment> deployment,
      AppliedRollout rollout) {
    return new Facts(inputs(spec, problems, null), Progress.of(deployment), Optional.of(rollout), List.of());
  }

  private static Revision revision(long number, String outcome, String failure) {
    return new Revision(number, "fp" + number, new PodTemplateSpec(), outcome, failure, "sales-" + number, null);
  }
}
