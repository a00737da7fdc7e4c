package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;

/**
 * Lets traffic reach the runtime's port only from the ingress controller's namespace, the monitoring namespace
 * (to scrape metrics) and the Dashboard's own namespace; and lets the runtime connect only where DesiredEgress says.
 */
final class DesiredNetworkPolicy {

  /** Label every namespace carries with its own name (Kubernetes 1.22+), so no namespace labelling is needed. */
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private DesiredNetworkPolicy() {}

  static NetworkPolicy of(DashboardModel model) {
    return new NetworkPolicyBuilder()
        .withMetadata(model.childMetadata(DashboardNames.networkPolicy(model.dashboard())))
        .withNewSpec()
          .withNewPodSelector().withMatchLabels(model.selectorLabels()).endPodSelector()
          .withPolicyTypes("Ingress", "Egress")
          .addNewIngress()
            .withFrom(namespace(model.config().ingressNamespace()), namespace(model.config().monitoringNamespace()),
                new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelectorBuilder().build()).build())
            .addNewPort().withProtocol("TCP").withPort(new IntOrString(RuntimeContract.PORT_NAME)).endPort()
          .endIngress()
          .withEgress(DesiredEgress.rules(model))
        .endSpec()
        .build();
  }

  static NetworkPolicyPeer namespace(String name) {
    return new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(new LabelSelectorBuilder().addToMatchLabels(NAMESPACE_NAME_LABEL, name).build())
        .build();
  }
}
