package io.astralytiq.operator.dashboard.rollout;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.astralytiq.operator.dashboard.informers.DashboardInformers;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Safe rollout of a Dashboard: before the children are applied, finds the spec's revision (recording it when new) and
 * decides which revision runs ({@link RolloutPlan}); after, judges it from the Deployment, its pods and the
 * kubelet's Events about them. What is written (revisions, their outcomes, the history's trim) is
 * {@link RolloutRecorder}'s.
 * A failure recorded on the spec's revision is an event on its ControllerRevision, which brings the next reconcile,
 * whose plan rolls back: every step is level-based, so an operator restart at any point converges the same way.
 */
public final class Rollouts {

  /** The reason of the kubelet's Event for a failed probe. */
  public static final String UNHEALTHY_REASON = "Unhealthy";
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
          ControllerRevision recorded = RolloutRecorder.revision(dashboard, template, fingerprint,
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

  /**
   * Judges the running revision from the Deployment, its pods and the kubelet's Events about them, as the informers
   * hold them. Reads only: what becomes of the verdict is {@link RolloutRecorder#outcome}.
   */
  public static Verdict judge(Dashboard dashboard, RolloutPlan plan, Optional<Deployment> deployment,
      Context<Dashboard> context) {
    if (deployment.isEmpty()) {
      return Verdict.PROGRESSING;
    }
    List<Pod> pods = context.getSecondaryResources(Pod.class).stream().toList();
    return RolloutJudge.judge(deployment.get(), pods, unhealthyEvents(dashboard, pods, context),
        plan.target().fingerprint());
  }

  /**
   * The Unhealthy Events about these pods, read from the informer's cache by namespace rather than through the
   * secondary index: an Event that arrived before its pod was in the pods cache was mapped to no Dashboard, and is
   * found here all the same on the reconcile the pod brings.
   */
  private static List<Event> unhealthyEvents(Dashboard dashboard, List<Pod> pods, Context<Dashboard> context) {
    Set<String> uids = pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
    return DashboardInformers.unhealthyEvents(context).list(dashboard.getMetadata().getNamespace(),
        event -> uids.contains(event.getInvolvedObject().getUid())).toList();
  }

  static List<Revision> history(Dashboard dashboard, Context<Dashboard> context) {
    return Revisions.of(dashboard, context.getSecondaryResources(ControllerRevision.class).stream().toList());
  }

  private static boolean autoRollback(Dashboard dashboard) {
    RolloutSpec rollout = dashboard.getSpec().getRollout();
    return rollout == null || rollout.getAutoRollback() == null || rollout.getAutoRollback();
  }
}
