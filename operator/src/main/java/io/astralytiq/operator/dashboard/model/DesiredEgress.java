package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.v1alpha1.EgressDestination;
import io.astralytiq.api.v1alpha1.EgressPort;
import io.astralytiq.api.v1alpha1.TenantEgress;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a dashboard's runtime may connect to: the cluster's DNS, the databases and web servers its datasets name
 * by address or as a Service of one of its tenant's namespaces, and the tenant's allow-list. Nothing else: a query that escaped the runtime's sandbox
 * still reaches no other dashboard, no cloud metadata service and nothing on the internet.
 */
final class DesiredEgress {

  private static final int DNS_PORT = 53;

  private DesiredEgress() {}

  static List<NetworkPolicyEgressRule> rules(DashboardModel model) {
    List<NetworkPolicyEgressRule> rules = new ArrayList<>();
    rules.add(new NetworkPolicyEgressRuleBuilder()
        .withTo(DesiredNetworkPolicy.namespace(model.config().dnsNamespace()))
        .withPorts(port("UDP", DNS_PORT, null), port("TCP", DNS_PORT, null))
        .build());
    for (DataEndpoint endpoint : endpoints(model)) {
      peer(endpoint, model).ifPresent(peer -> rules.add(new NetworkPolicyEgressRuleBuilder().withTo(peer)
          .withPorts(port("TCP", endpoint.port(), null)).build()));
    }
    TenantEgress tenant = model.tenantEgress();
    if (tenant != null && tenant.getAllowed() != null) {
      for (EgressDestination destination : tenant.getAllowed()) {
        rules.add(new NetworkPolicyEgressRuleBuilder()
            .withTo(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(destination.getCidr()).endIpBlock()
                .build())
            .withPorts(destination.getPorts().stream().map(DesiredEgress::port).toList())
            .build());
      }
    }
    return rules;
  }

  /** Each endpoint once, in the order the definition names them, so the policy does not change on a re-read. */
  private static Set<DataEndpoint> endpoints(DashboardModel model) {
    Set<DataEndpoint> endpoints = new LinkedHashSet<>();
    if (model.definition() != null) {
      model.definition().sourceUrls().forEach(url -> endpoints.addAll(DataEndpoint.of(url)));
    }
    return endpoints;
  }

  /**
   * An address as itself; a Service as every pod of its namespace (a NetworkPolicy cannot name a Service), when the
   * namespace is the tenant's. A Service of another tenant's namespace is not opened: see {@link #refusals}.
   */
  private static Optional<NetworkPolicyPeer> peer(DataEndpoint endpoint, DashboardModel model) {
    Optional<String> cidr = endpoint.cidr();
    if (cidr.isPresent()) {
      return Optional.of(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr.get()).endIpBlock().build());
    }
    return endpoint.serviceNamespace(model.namespace()).filter(model::tenantHolds)
        .map(DesiredNetworkPolicy::namespace);
  }

  /**
   * What the policy leaves closed though a dataset names it: a Service in a namespace the dashboard's tenant does not
   * hold (another tenant's, or none's). An editor of one tenant could otherwise open the way into any namespace.
   */
  static List<String> refusals(DashboardModel model) {
    List<String> refusals = new ArrayList<>();
    for (DataEndpoint endpoint : endpoints(model)) {
      endpoint.serviceNamespace(model.namespace()).filter(ns -> !model.tenantHolds(ns)).ifPresent(ns -> refusals.add(
          "dataset host " + endpoint.host() + " is a Service in namespace " + ns + ", which is not "
              + (model.tenant() == null ? "the Dashboard's own" : "one of tenant " + model.tenant() + "'s")
              + "; its NetworkPolicy does not let the runtime connect there"));
    }
    return List.copyOf(refusals);
  }

  private static NetworkPolicyPort port(EgressPort port) {
    return port(port.getProtocol() == null ? "TCP" : port.getProtocol(), port.getPort(), port.getEndPort());
  }

  private static NetworkPolicyPort port(String protocol, int port, Integer endPort) {
    return new NetworkPolicyPortBuilder().withProtocol(protocol).withPort(new IntOrString(port)).withEndPort(endPort)
        .build();
  }
}
