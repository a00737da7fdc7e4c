package io.astralytiq.operator.dashboard;

import static io.astralytiq.api.v1alpha1.DashboardConditions.READY;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Ready condition and the phase, decided by an ordered list of rules: the first that applies wins, and a
 * Dashboard none applies to is still rolling out. Pure; each rule is tested on its own.
 */
final class ReadyRules {

  /**
   * The facts the rules judge. {@code rollout} is empty when no rollout was planned (bad input, no history) or its
   * Deployment was refused; {@code features} are the optional features' outcomes (TLSReady, AlertsReady).
   */
  record Facts(DashboardInputs inputs, Progress progress, Optional<AppliedRollout> rollout, List<Outcome> features) {}

  /**
   * TLSReady reasons under which the host is served as asked: plain HTTP on purpose (tls.mode None), a certificate
   * on its way (cert-manager may take minutes, and a dashboard waiting for it is not broken), or one still valid
   * that is about to be replaced.
   */
  private static final Set<String> TLS_AS_ASKED = Set.of(DashboardConditions.REASON_TLS_DISABLED,
      DashboardConditions.REASON_CERTIFICATE_PENDING, DashboardConditions.REASON_CERTIFICATE_EXPIRING_SOON);

  /** Ready and the phase that goes with it. */
  record Readiness(Outcome ready, DashboardPhase phase) {

    static Optional<Readiness> of(boolean status, String reason, String message, DashboardPhase phase) {
      return Optional.of(new Readiness(Outcome.of(READY, status, reason, message), phase));
    }
  }

  /** In order: what the user must fix, then what they asked for, then what the cluster shows. */
  static final List<Function<Facts, Optional<Readiness>>> RULES = List.of(
      ReadyRules::verificationPending,
      ReadyRules::inputProblems,
      ReadyRules::suspended,
      ReadyRules::rolledBack,
      ReadyRules::failedRollout,
      ReadyRules::hostConflict,
      ReadyRules::tlsNotReady,
      ReadyRules::rolledOut,
      ReadyRules::podsNotCreated,
      ReadyRules::deadlineExceeded);

  private ReadyRules() {}

  static Readiness decide(Facts facts) {
    return RULES.stream().map(rule -> rule.apply(facts)).flatMap(Optional::stream).findFirst()
        .orElseGet(() -> progressing(facts));
  }

  /**
   * The registry is being asked for the image's signature, and nothing else is wrong: on its way, not failed (the
   * answer, cached or not, comes within the registry timeout).
   */
  static Optional<Readiness> verificationPending(Facts facts) {
    List<Outcome> problems = facts.inputs().problems();
    if (problems.isEmpty()
        || !problems.stream().allMatch(p -> DashboardConditions.REASON_VERIFICATION_PENDING.equals(p.reason()))) {
      return Optional.empty();
    }
    boolean running = facts.progress().exists();
    return Readiness.of(false, DashboardConditions.REASON_VERIFICATION_PENDING, problems.get(0).message()
        + (running ? "; the last accepted version keeps running" : ""),
        running ? DashboardPhase.Progressing : DashboardPhase.Pending);
  }

  /** A mistake in the input stops the rollout; what ran before keeps running. */
  static Optional<Readiness> inputProblems(Facts facts) {
    List<Outcome> problems = facts.inputs().problems();
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    boolean running = facts.progress().exists();
    String message = problems.stream().map(Outcome::message).collect(Collectors.joining("; "));
    return Readiness.of(false, problems.get(0).reason(),
        message + (running ? "; the last accepted version keeps running" : ""),
        running ? DashboardPhase.Degraded : DashboardPhase.Failed);
  }

  /**
   * Ready: what the spec asks for is what runs (as for a Deployment scaled to zero), so GitOps tools that wait on
   * Ready (kstatus) do not wait for a suspended dashboard forever; the phase says Suspended.
   */
  static Optional<Readiness> suspended(Facts facts) {
    return facts.inputs().model().suspended() ? Readiness.of(true, DashboardConditions.REASON_SUSPENDED,
        "spec.suspend is true: scaled to zero, as the spec asks", DashboardPhase.Suspended) : Optional.empty();
  }

  static Optional<Readiness> rolledBack(Facts facts) {
    return facts.rollout().filter(r -> r.plan().rolledBack()).flatMap(r -> Readiness.of(false,
        DashboardConditions.REASON_ROLLED_BACK, r.rolledBackMessage(), DashboardPhase.RolledBack));
  }

  /** The spec's revision failed and is not rolled back (yet, or at all): Failed when nothing good ran before. */
  static Optional<Readiness> failedRollout(Facts facts) {
    return facts.rollout().flatMap(r -> r.failure(facts.inputs().model()).flatMap(message -> Readiness.of(false,
        r.verdict().reason(), message,
        r.plan().lastGood().isEmpty() ? DashboardPhase.Failed : DashboardPhase.Degraded)));
  }

  static Optional<Readiness> hostConflict(Facts facts) {
    return facts.inputs().hostHolder().flatMap(holder -> Readiness.of(false, DashboardConditions.REASON_HOST_CONFLICT,
        "host " + facts.inputs().model().spec().getIngress().getHost() + " is already served by Dashboard "
            + name(holder), DashboardPhase.Degraded));
  }

  /** The runtime may be up, but not behind the certificate the spec asks for: users cannot reach it as asked. */
  static Optional<Readiness> tlsNotReady(Facts facts) {
    return facts.features().stream()
        .filter(o -> DashboardConditions.TLS_READY.equals(o.type()) && !o.status()
            && !TLS_AS_ASKED.contains(o.reason()))
        .findFirst().flatMap(tls -> Readiness.of(false, DashboardConditions.REASON_TLS_NOT_READY,
            "TLSReady is False (" + tls.reason() + "): " + tls.message(), DashboardPhase.Degraded));
  }

  static Optional<Readiness> rolledOut(Facts facts) {
    Progress progress = facts.progress();
    boolean healthy = facts.rollout().map(AppliedRollout::healthy).orElse(true);
    return progress.complete() && healthy ? Readiness.of(true, DashboardConditions.REASON_READY,
        progress.ready() + " of " + progress.replicas() + " replicas ready on the current revision",
        DashboardPhase.Ready) : Optional.empty();
  }

  static Optional<Readiness> podsNotCreated(Facts facts) {
    return facts.progress().podsCannotBeCreated().flatMap(message -> Readiness.of(false,
        DashboardConditions.REASON_PODS_NOT_CREATED, message, DashboardPhase.Degraded));
  }

  static Optional<Readiness> deadlineExceeded(Facts facts) {
    return facts.progress().deadlineExceeded() ? Readiness.of(false,
        DashboardConditions.REASON_PROGRESS_DEADLINE_EXCEEDED, facts.progress().progressingMessage(),
        DashboardPhase.Degraded) : Optional.empty();
  }

  /** What no rule claims is on its way: Pending before the Deployment exists, Progressing after. */
  static Readiness progressing(Facts facts) {
    Progress progress = facts.progress();
    return Readiness.of(false, DashboardConditions.REASON_PROGRESSING, progress.progressingMessage(),
        progress.exists() ? DashboardPhase.Progressing : DashboardPhase.Pending).orElseThrow();
  }

  private static String name(Dashboard dashboard) {
    return dashboard.getMetadata().getNamespace() + "/" + dashboard.getMetadata().getName();
  }
}
