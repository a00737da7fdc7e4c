package io.astralytiq.testing;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a namespace's pods to the kwok nodes of hack/cluster instead of its real node: the namespace annotations of
 * the API server's PodNodeSelector and PodTolerationRestriction admission plugins (hack/kwok/kwokctl.yaml enables
 * both). Pods get the node selector type=kwok and the toleration of the kwok nodes' taint when they are created, so
 * the Deployments the operator writes stay exactly as in a real namespace.
 */
public final class SimulatedPods {

  public static final Map<String, String> NAMESPACE_ANNOTATIONS = Map.of(
      "scheduler.alpha.kubernetes.io/node-selector", "type=kwok",
      "scheduler.alpha.kubernetes.io/defaultTolerations",
      "[{\"key\":\"kwok.x-k8s.io/node\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]");

  private SimulatedPods() {}

  /** Marks an existing namespace; pods created in it from now on are simulated. */
  public static void in(KubernetesClient client, String namespace) {
    client.namespaces().withName(namespace).edit(ns -> {
      Map<String, String> annotations = ns.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(ns.getMetadata().getAnnotations());
      annotations.putAll(NAMESPACE_ANNOTATIONS);
      Namespace edited = ns;
      edited.getMetadata().setAnnotations(annotations);
      return edited;
    });
  }
}
