package io.astralytiq.operator.dashboard.rollout;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safe rollout of a Dashboard: before the children are applied, records the spec's revision and decides which
 * revision runs ({@link RolloutPlan}); after, judges it from the Deployment, its pods and the kubelet's Events about
 * them, and records the outcome.
 * A failure recorded on the spec's revision is an event on its ControllerRevision, which brings the next reconcile,
 * whose plan rolls back: every step is level-based, so an operator restart at any point converges the same way.
 */
public final class Rollouts {

  /** Name of the event source of the kubelet's Unhealthy Events about pods. */
  public static final String UNHEALTHY_EVENTS_SOURCE = "unhealthy-pod-events";
  /** Name of the informer of the Dashboards' ControllerRevisions. */
  public static final String REVISIONS_SOURCE = "revisions";
  /** The reason of the kubelet's Event for a failed probe. */
  public static final String UNHEALTHY_REASON = "Unhealthy";
  private static final Logger LOG = LoggerFactory.getLogger(Rollouts.class);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Rollouts() {}

  /**
   * Finds or records the spec's revision, and decides what to run; or, when the spec asks to restore an earlier
   * revision, that one (empty when it is not in the history).
   */
  public static Optional<RolloutPlan> plan(Dashboard dashboard, Deployment specDeployment,
      Context<Dashboard> context) {
    List<Revision> history = new ArrayList<>(history(dashboard, context));
    RolloutSpec rollout = dashboard.getSpec().getRollout();
    if (rollout != null && rollout.getRestoreRevision() != null) {
      return history.stream().filter(r -> r.number() == rollout.getRestoreRevision()).findFirst()
          .map(asked -> RolloutPlan.restore(asked, history));
    }
    PodTemplateSpec template = specDeployment.getSpec().getTemplate();
    String fingerprint = Revisions.fingerprint(template);
    Revision spec = history.stream().filter(r -> r.fingerprint().equals(fingerprint)).findFirst()
        .orElseGet(() -> {
          ControllerRevision recorded = record(dashboard, template, fingerprint,
              specDeployment.getMetadata().getLabels(), history.isEmpty(), context);
          Revision revision = Revisions.of(dashboard, List.of(recorded)).get(0);
          history.add(revision);
          return revision;
        });
    return Optional.of(RolloutPlan.decide(spec, history, autoRollback(dashboard)));
  }

  /** The spec's Deployment running the plan's target revision. */
  public static Deployment deployment(Deployment specDeployment, RolloutPlan plan) {
    Deployment deployment = SERIALIZATION.clone(specDeployment);
    PodTemplateSpec template = SERIALIZATION.clone(plan.target().template());
    Map<String, String> annotations = new HashMap<>(template.getMetadata().getAnnotations() == null ? Map.of()
        : template.getMetadata().getAnnotations());
    annotations.put(Revisions.REVISION_ANNOTATION, plan.target().fingerprint());
    template.getMetadata().setAnnotations(annotations);
    deployment.getSpec().setTemplate(template);
    return deployment;
  }

  /** Judges the running revision and records the outcome of the spec's own revision when it is new. */
  public static Verdict observe(Dashboard dashboard, RolloutPlan plan, Optional<Deployment> deployment,
      Context<Dashboard> context, RolloutListener listener, Clock clock) {
    if (deployment.isEmpty()) {
      return Verdict.PROGRESSING;
    }
    List<Pod> pods = context.getSecondaryResources(Pod.class).stream().toList();
    Verdict verdict = RolloutJudge.judge(deployment.get(), pods, unhealthyEvents(dashboard, pods, context),
        plan.target().fingerprint());
    Revision spec = plan.specRevision();
    if (plan.rolledBack() || plan.restored() || spec.healthy() || spec.hasFailed()) {
      return verdict;
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
    return verdict;
  }

  /**
   * The Unhealthy Events about these pods, read from the informer's cache by namespace rather than through the
   * secondary index: an Event that arrived before its pod was in the pods cache was mapped to no Dashboard, and is
   * found here all the same on the reconcile the pod brings.
   */
  @SuppressWarnings("unchecked")
  private static List<Event> unhealthyEvents(Dashboard dashboard, List<Pod> pods, Context<Dashboard> context) {
    Set<String> uids = pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
    var events = (InformerEventSource<Event, Dashboard>) context.eventSourceRetriever()
        .getEventSourceFor(Event.class, UNHEALTHY_EVENTS_SOURCE);
    return events.list(dashboard.getMetadata().getNamespace(),
        event -> uids.contains(event.getInvolvedObject().getUid())).toList();
  }

  private static List<Revision> history(Dashboard dashboard, Context<Dashboard> context) {
    return Revisions.of(dashboard, context.getSecondaryResources(ControllerRevision.class).stream().toList());
  }

  /**
   * Records a new revision. Its number comes from the history as the API server has it, not from the cache: a
   * cache being torn down (an operator stopping mid-reconcile) or not yet filled must never number it twice. A
   * Dashboard that has never recorded one (nothing cached, no current revision in its status) is the exception:
   * its first revision is number 1 without asking, which spares every new Dashboard a list request. The created
   * revision goes into the cache at once, so the next reconcile counts it even before its watch event arrives.
   */
  @SuppressWarnings("unchecked")
  private static ControllerRevision record(Dashboard dashboard, PodTemplateSpec template, String fingerprint,
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
    ((InformerEventSource<ControllerRevision, Dashboard>) context.eventSourceRetriever()
        .getEventSourceFor(ControllerRevision.class, REVISIONS_SOURCE))
        .handleRecentResourceCreate(ResourceID.fromResource(dashboard), created);
    return created;
  }

  /** Removes the oldest revisions beyond spec.rollout.revisionHistoryLimit, never the current or last good one. */
  private static void trim(Dashboard dashboard, Revision current, Context<Dashboard> context) {
    RolloutSpec rollout = dashboard.getSpec().getRollout();
    int limit = rollout == null || rollout.getRevisionHistoryLimit() == null ? 10 : rollout.getRevisionHistoryLimit();
    List<Revision> history = history(dashboard, context);
    for (Revision old : Revisions.beyondLimit(history, limit, Set.of(current.number()))) {
      context.getClient().apps().controllerRevisions().inNamespace(dashboard.getMetadata().getNamespace())
          .withName(old.name()).delete();
    }
  }

  private static boolean autoRollback(Dashboard dashboard) {
    RolloutSpec rollout = dashboard.getSpec().getRollout();
    return rollout == null || rollout.getAutoRollback() == null || rollout.getAutoRollback();
  }
}
