package io.astralytiq.operator.bench;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.operator.dashboard.rollout.Revision;
import io.astralytiq.operator.dashboard.rollout.Revisions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The end of a chaos soak, judged from the objects alone: for each Dashboard, whether its children are there, and
 * whether what runs is what its spec asks for. A spec on a good image must run it, all replicas ready, with Ready
 * True; a spec on a bad image must have been rolled back to a good one and not report Ready.
 *
 * @param complete Dashboards with their ServiceAccount, Deployment (replicas as asked), Service, NetworkPolicy and
 *     the definition ConfigMap the Deployment mounts
 * @param duplicates Deployments beyond one owned by a Dashboard, plus revision numbers recorded twice
 * @param unrecorded Dashboards whose Deployment runs a pod template that is not in their revision history
 * @param goodRolledBack revisions on a good image marked failed
 * @param goodNotRolledOut Dashboards on a good spec whose Deployment does not run it, all replicas ready
 * @param notReady Dashboards on a good spec without Ready=True for their generation
 * @param badNotRestored Dashboards on a bad spec not marked failed in their history, or whose Deployment is not back
 *     on a good image, all replicas ready
 * @param badReady Dashboards on a bad spec that report Ready=True
 */
record ChaosVerdict(int dashboards, int complete, int duplicates, int unrecorded, int goodRolledBack,
    int goodNotRolledOut, int notReady, int badNotRestored, int badReady, List<String> offenders) {

  static ChaosVerdict of(KubernetesClient client, List<String> namespaces) {
    Tally tally = new Tally();
    for (String namespace : namespaces) {
      Listed objects = new Listed(client, namespace);
      objects.dashboards.forEach(d -> tally.judge(d, objects));
    }
    return new ChaosVerdict(tally.dashboards, tally.complete, tally.duplicates, tally.unrecorded,
        tally.goodRolledBack, tally.goodNotRolledOut, tally.notReady, tally.badNotRestored, tally.badReady,
        tally.offenders);
  }

  boolean settled() {
    return complete == dashboards && duplicates == 0 && unrecorded == 0 && goodNotRolledOut == 0 && notReady == 0
        && badNotRestored == 0 && badReady == 0;
  }

  String summary() {
    return String.format("dashboards=%d complete=%d duplicates=%d unrecorded=%d good_rolled_back=%d"
        + " good_not_rolled_out=%d not_ready=%d bad_not_restored=%d bad_ready=%d", dashboards, complete, duplicates,
        unrecorded, goodRolledBack, goodNotRolledOut, notReady, badNotRestored, badReady);
  }

  /** Everything the judgement reads in one namespace, listed once. */
  private static final class Listed {
    final List<Dashboard> dashboards;
    final List<Deployment> deployments;
    final Set<String> serviceAccounts;
    final Set<String> services;
    final Set<String> networkPolicies;
    final Map<String, ConfigMap> configMaps;
    final List<ControllerRevision> revisions;

    Listed(KubernetesClient client, String namespace) {
      dashboards = client.resources(Dashboard.class).inNamespace(namespace).list().getItems();
      deployments = client.apps().deployments().inNamespace(namespace).list().getItems();
      serviceAccounts = byName(client.serviceAccounts().inNamespace(namespace).list().getItems()).keySet();
      services = byName(client.services().inNamespace(namespace).list().getItems()).keySet();
      networkPolicies = byName(client.network().networkPolicies().inNamespace(namespace).list().getItems()).keySet();
      configMaps = byName(client.configMaps().inNamespace(namespace).list().getItems());
      revisions = client.apps().controllerRevisions().inNamespace(namespace).list().getItems();
    }

    private static <T extends HasMetadata> Map<String, T> byName(List<T> items) {
      return items.stream().collect(Collectors.toMap(i -> i.getMetadata().getName(), Function.identity()));
    }
  }

  private static final class Tally {
    int dashboards;
    int complete;
    int duplicates;
    int unrecorded;
    int goodRolledBack;
    int goodNotRolledOut;
    int notReady;
    int badNotRestored;
    int badReady;
    final List<String> offenders = new ArrayList<>();

    void judge(Dashboard dashboard, Listed objects) {
      dashboards++;
      String uid = dashboard.getMetadata().getUid();
      List<Deployment> owned = objects.deployments.stream().filter(d -> ownedBy(d, uid)).toList();
      duplicates += Math.max(0, owned.size() - 1);
      List<Revision> history = Revisions.of(dashboard, objects.revisions);
      int numbers = (int) history.stream().mapToLong(Revision::number).distinct().count();
      duplicates += history.size() - numbers;
      List<Revision> goodFailed = history.stream().filter(r -> r.hasFailed() && !ChaosBenchmark.bad(image(r)))
          .toList();
      goodRolledBack += goodFailed.size();
      goodFailed.forEach(r -> offend(dashboard, "good revision " + r.number() + " (" + image(r) + ") marked failed: "
          + r.failure()));

      Deployment deployment = owned.stream()
          .filter(d -> d.getMetadata().getName().equals(DashboardNames.deployment(dashboard))).findFirst()
          .orElse(null);
      ConfigMap definition = deployment == null ? null : mountedDefinition(deployment, objects.configMaps);
      // The soak's Dashboards have no autoscaler: unset replicas means one, as the operator reads it.
      Integer replicas = Objects.requireNonNullElse(dashboard.getSpec().getReplicas(), 1);
      List<String> missing = new ArrayList<>();
      if (deployment == null) {
        missing.add("Deployment");
      } else if (!deployment.getSpec().getReplicas().equals(replicas)) {
        missing.add("Deployment with " + replicas + " replicas");
      }
      if (deployment != null && definition == null) {
        missing.add("the definition ConfigMap");
      }
      if (!objects.serviceAccounts.contains(DashboardNames.serviceAccount(dashboard))) {
        missing.add("ServiceAccount");
      }
      if (!objects.services.contains(DashboardNames.service(dashboard))) {
        missing.add("Service");
      }
      if (!objects.networkPolicies.contains(DashboardNames.networkPolicy(dashboard))) {
        missing.add("NetworkPolicy");
      }
      if (missing.isEmpty()) {
        complete++;
      } else {
        offend(dashboard, "missing: " + String.join(", ", missing));
      }

      String runningRevision = deployment == null ? null : deployment.getSpec().getTemplate().getMetadata()
          .getAnnotations().get(Revisions.REVISION_ANNOTATION);
      if (deployment != null && history.stream().noneMatch(r -> r.fingerprint().equals(runningRevision))) {
        unrecorded++;
        offend(dashboard, "runs revision " + runningRevision + ", not in its history");
      }
      boolean rolledOut = deployment != null && rolledOut(deployment);
      String running = deployment == null ? null
          : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
      boolean readyNow = dashboard.getStatus() != null
          && ChaosBenchmark.ready(dashboard.getStatus().getConditions())
          && Objects.equals(dashboard.getStatus().getObservedGeneration(),
              dashboard.getMetadata().getGeneration());
      String wanted = ChaosBenchmark.image(dashboard);
      if (!ChaosBenchmark.bad(wanted)) {
        boolean onSpec = wanted.equals(running) && definition != null
            && hasTitle(definition, dashboard.getSpec().getDefinition().getTitle());
        if (!onSpec || !rolledOut) {
          goodNotRolledOut++;
          offend(dashboard, "asks for " + wanted + ", runs " + running + (rolledOut ? "" : ", not rolled out")
              + (onSpec ? "" : " (or another title)"));
        }
        if (!readyNow) {
          notReady++;
          offend(dashboard, "good spec but not Ready for its generation");
        }
      } else {
        // Judged, not merely not yet applied: the bad revision is on record as failed.
        boolean judged = history.stream().anyMatch(r -> r.hasFailed() && wanted.equals(image(r)));
        if (!judged || ChaosBenchmark.bad(running) || !rolledOut) {
          badNotRestored++;
          offend(dashboard, "bad spec " + wanted + (judged ? "" : " not marked failed") + ", runs " + running
              + (rolledOut ? "" : ", not rolled out"));
        }
        if (readyNow) {
          badReady++;
          offend(dashboard, "bad spec but Ready");
        }
      }
    }

    private void offend(Dashboard dashboard, String what) {
      offenders.add(dashboard.getMetadata().getNamespace() + "/" + dashboard.getMetadata().getName() + ": " + what);
    }
  }

  private static boolean ownedBy(HasMetadata object, String uid) {
    return object.getMetadata().getOwnerReferences().stream().anyMatch(o -> uid.equals(o.getUid()));
  }

  private static String image(Revision revision) {
    return revision.template().getSpec().getContainers().get(0).getImage();
  }

  private static ConfigMap mountedDefinition(Deployment deployment, Map<String, ConfigMap> configMaps) {
    return deployment.getSpec().getTemplate().getSpec().getVolumes().stream().map(Volume::getConfigMap)
        .filter(Objects::nonNull).map(v -> configMaps.get(v.getName())).filter(Objects::nonNull)
        .findFirst().orElse(null);
  }

  private static boolean hasTitle(ConfigMap definition, String title) {
    Pattern line = Pattern.compile("(?m)^title: [\"']?" + Pattern.quote(title) + "[\"']?$");
    return definition.getData().values().stream().anyMatch(v -> line.matcher(v).find());
  }

  private static boolean rolledOut(Deployment deployment) {
    var status = deployment.getStatus();
    Integer desired = deployment.getSpec().getReplicas();
    return status != null && status.getObservedGeneration() != null
        && status.getObservedGeneration() >= deployment.getMetadata().getGeneration()
        && desired.equals(status.getUpdatedReplicas()) && desired.equals(status.getReadyReplicas())
        && desired.equals(status.getAvailableReplicas()) && desired.equals(status.getReplicas());
  }
}
