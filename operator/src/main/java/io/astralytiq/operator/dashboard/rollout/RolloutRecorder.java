package io.astralytiq.operator.dashboard.rollout;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.astralytiq.operator.dashboard.informers.DashboardInformers;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a rollout writes, in one place: a new revision's ControllerRevision, the outcome of the spec's revision once
 * it is judged (an annotation on it, the listener's metrics and Events), and the trim of the history beyond its limit.
 * Judging is elsewhere and writes nothing ({@link Rollouts#judge}, {@link RolloutJudge}).
 */
public final class RolloutRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(RolloutRecorder.class);

  private RolloutRecorder() {}

  /** Records the outcome of the spec's own revision when it is new: healthy (and the history trimmed) or failed. */
  public static void outcome(Dashboard dashboard, RolloutPlan plan, Verdict verdict, Context<Dashboard> context,
      RolloutListener listener, Clock clock) {
    Revision spec = plan.specRevision();
    if (plan.rolledBack() || plan.restored() || spec.healthy() || spec.hasFailed()) {
      return;
    }
    if (verdict.state() == Verdict.State.HEALTHY) {
      // Recorded by the status the reconciler writes next (status.lastGoodRevision), not on the revision.
      trim(dashboard, spec, context);
      listener.healthy(dashboard, spec, spec.recorded() == null ? Duration.ZERO
          : Duration.between(spec.recorded(), clock.instant()));
    } else if (verdict.failed()) {
      LOG.info("revision {} of {}/{} failed: {}: {}", spec.number(), dashboard.getMetadata().getNamespace(),
          dashboard.getMetadata().getName(), verdict.reason(), verdict.evidence());
      Revisions.markOutcome(context.getClient(), dashboard, spec, Revision.FAILED,
          verdict.reason() + ": " + verdict.evidence());
      listener.failed(dashboard, spec, verdict);
    }
  }

  /**
   * Records a new revision. Its number comes from the history as the API server has it, not from the cache: a
   * cache being torn down (an operator stopping mid-reconcile) or not yet filled must never number it twice. A
   * Dashboard that has never recorded one (nothing cached, no current revision in its status) is the exception:
   * its first revision is number 1 without asking, which spares every new Dashboard a list request. The created
   * revision goes into the cache at once, so the next reconcile counts it even before its watch event arrives.
   */
  static ControllerRevision revision(Dashboard dashboard, PodTemplateSpec template, String fingerprint,
      Map<String, String> labels, boolean noneCached, Context<Dashboard> context) {
    boolean first = noneCached && (dashboard.getStatus() == null || dashboard.getStatus().getCurrentRevision() == null);
    // By the stable labels only: the tenant label may have changed since older revisions were recorded.
    Map<String, String> stable = Map.of(Labels.NAME, labels.get(Labels.NAME), Labels.INSTANCE,
        labels.get(Labels.INSTANCE));
    List<Revision> history = first ? List.of() : Revisions.of(dashboard, context.getClient().apps()
        .controllerRevisions().inNamespace(dashboard.getMetadata().getNamespace()).withLabels(stable).list()
        .getItems());
    ControllerRevision revision = Revisions.record(dashboard, template, fingerprint, history, labels);
    ControllerRevision created;
    try {
      created = context.getClient().resource(revision).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      // Recorded by an earlier reconcile whose event has not reached the cache yet.
      return context.getClient().resource(revision).get();
    }
    DashboardInformers.revisions(context).handleRecentResourceCreate(ResourceID.fromResource(dashboard), created);
    return created;
  }

  /** Removes the oldest revisions beyond spec.rollout.revisionHistoryLimit, never the current or last good one. */
  private static void trim(Dashboard dashboard, Revision current, Context<Dashboard> context) {
    RolloutSpec rollout = dashboard.getSpec().getRollout();
    int limit = rollout == null || rollout.getRevisionHistoryLimit() == null ? 10 : rollout.getRevisionHistoryLimit();
    List<Revision> history = Rollouts.history(dashboard, context);
    for (Revision old : Revisions.beyondLimit(history, limit, Set.of(current.number()))) {
      context.getClient().apps().controllerRevisions().inNamespace(dashboard.getMetadata().getNamespace())
          .withName(old.name()).delete();
    }
  }
}
