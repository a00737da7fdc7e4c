package io.astralytiq.operator.dashboard.rollout;

import io.astralytiq.api.v1alpha1.ApiGroup;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.operator.common.Hashes;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Dashboard's revision history, kept as ControllerRevisions (the standard history object) owned by it. A failed
 * revision is marked by an annotation on its ControllerRevision, so that it stays failed across resyncs and
 * operator restarts, and is not tried again until the spec changes. A healthy one needs no mark of its own: the
 * Dashboard's status.lastGoodRevision names it, which saves every rollout a write.
 */
public final class Revisions {

  /** Pod-template annotation naming the revision, so the pods of each revision can be told apart. */
  public static final String REVISION_ANNOTATION = ApiGroup.GROUP + "/revision";
  static final String OUTCOME_ANNOTATION = ApiGroup.GROUP + "/outcome";
  static final String FAILURE_ANNOTATION = ApiGroup.GROUP + "/failure";
  private static final String TEMPLATE = "template";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Revisions() {}

  public static String fingerprint(PodTemplateSpec template) {
    return Hashes.sha256(SERIALIZATION.asJson(template), 10);
  }

  /** The history of a Dashboard from its ControllerRevisions, oldest first. */
  public static List<Revision> of(Dashboard dashboard, List<ControllerRevision> owned) {
    return owned.stream()
        .filter(cr -> cr.getMetadata().getOwnerReferences().stream()
            .anyMatch(o -> o.getUid().equals(dashboard.getMetadata().getUid())))
        .map(cr -> read(cr, lastGood(dashboard)))
        .sorted(Comparator.comparingLong(Revision::number))
        .toList();
  }

  /** The ControllerRevision recording a new revision: the next number after the newest. */
  public static ControllerRevision record(Dashboard dashboard, PodTemplateSpec template, String fingerprint,
      List<Revision> history, Map<String, String> labels) {
    long number = history.stream().mapToLong(Revision::number).max().orElse(0) + 1;
    return new ControllerRevisionBuilder()
        .withMetadata(new ObjectMetaBuilder()
            .withName(dashboard.getMetadata().getName() + "-" + fingerprint)
            .withNamespace(dashboard.getMetadata().getNamespace())
            .withLabels(labels)
            .addNewOwnerReference().withApiVersion(dashboard.getApiVersion()).withKind(dashboard.getKind())
              .withName(dashboard.getMetadata().getName()).withUid(dashboard.getMetadata().getUid())
              .withController(true).withBlockOwnerDeletion(true).endOwnerReference()
            .build())
        .withRevision(number)
        .withData(Map.of(TEMPLATE, SERIALIZATION.convertValue(template, Map.class)))
        .build();
  }

  /** Records a revision's failure on its ControllerRevision (a merge patch of two annotations). */
  public static void markOutcome(KubernetesClient client, Dashboard dashboard, Revision revision, String outcome,
      String failure) {
    Map<String, String> annotations = new HashMap<>();
    annotations.put(OUTCOME_ANNOTATION, outcome);
    annotations.put(FAILURE_ANNOTATION, failure);
    client.apps().controllerRevisions().inNamespace(dashboard.getMetadata().getNamespace())
        .withName(revision.name())
        .patch(PatchContext.of(PatchType.JSON_MERGE),
            SERIALIZATION.asJson(Map.of("metadata", Map.of("annotations", annotations))));
  }

  /** Revisions beyond the history limit, oldest first, never one of {@code keep}. */
  public static List<Revision> beyondLimit(List<Revision> history, int limit, Set<Long> keep) {
    List<Revision> removable = history.stream().filter(r -> !keep.contains(r.number())).toList();
    int excess = history.size() - limit;
    return excess <= 0 ? List.of() : removable.subList(0, Math.min(excess, removable.size()));
  }

  private static Long lastGood(Dashboard dashboard) {
    return dashboard.getStatus() == null ? null : dashboard.getStatus().getLastGoodRevision();
  }

  private static Revision read(ControllerRevision cr, Long lastGood) {
    Map<?, ?> data = SERIALIZATION.convertValue(cr.getData(), Map.class);
    PodTemplateSpec template = SERIALIZATION.convertValue(data.get(TEMPLATE), PodTemplateSpec.class);
    Map<String, String> annotations = cr.getMetadata().getAnnotations() == null ? Map.of()
        : cr.getMetadata().getAnnotations();
    String name = cr.getMetadata().getName();
    Instant recorded = cr.getMetadata().getCreationTimestamp() == null ? null
        : Instant.parse(cr.getMetadata().getCreationTimestamp());
    String outcome = annotations.getOrDefault(OUTCOME_ANNOTATION,
        cr.getRevision().equals(lastGood) ? Revision.HEALTHY : null);
    return new Revision(cr.getRevision(), name.substring(name.lastIndexOf('-') + 1), template, outcome,
        annotations.get(FAILURE_ANNOTATION), name, recorded);
  }
}
