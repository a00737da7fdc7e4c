package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.EgressDestination;
import io.astralytiq.api.v1alpha1.EgressPort;
import io.astralytiq.api.v1alpha1.TenantEgress;
import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.Tenants;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A dashboard's NetworkPolicy on a real API server: where its runtime may connect, and nowhere else. */
class DashboardEgressIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer();

  @Test
  void egressGoesToDnsAndTheAddressesTheDatasetsNameOnly() {
    String namespace = operator.tenantNamespace("egress");
    Dashboard dashboard = Dashboards.minimal(namespace, "sales");
    Dataset export = new Dataset();
    export.setName("export");
    export.setFormat("csv");
    export.setUrl("https://203.0.113.10/export.csv");
    operator.client().resource(Dashboards.withDataset(dashboard, export)).create();

    NetworkPolicy policy = operator.dashboards().awaitPresent("the NetworkPolicy", () -> policy(namespace, "sales"));

    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(policy.getSpec().getEgress()).extracting(DashboardEgressIT::describe)
        .containsExactly("namespace kube-system UDP 53, TCP 53", "203.0.113.10/32 TCP 443");
  }

  @Test
  void theTenantsAllowListReachesEveryDashboardAndFollowsItsChanges() {
    String namespace = operator.tenantNamespace("egress-tenant");
    operator.client().resource(Dashboards.minimal(namespace, "sales")).create();
    operator.dashboards().awaitPresent("the NetworkPolicy", () -> policy(namespace, "sales"));

    Tenants.edit(operator.client(), namespace, tenant -> {
      EgressDestination database = new EgressDestination();
      database.setCidr("198.18.0.0/24");
      database.setPorts(List.of(new EgressPort(5432)));
      TenantEgress egress = new TenantEgress();
      egress.setAllowed(List.of(database));
      tenant.getSpec().setEgress(egress);
      return tenant;
    });

    operator.dashboards().awaitPresent("the tenant's destination in the NetworkPolicy", () -> policy(namespace,
        "sales").getSpec().getEgress().stream().map(DashboardEgressIT::describe)
        .filter("198.18.0.0/24 TCP 5432"::equals).findFirst().orElse(null));
  }

  private static String describe(NetworkPolicyEgressRule rule) {
    String to = rule.getTo().stream().map(peer -> peer.getIpBlock() != null ? peer.getIpBlock().getCidr()
        : "namespace " + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
        .reduce((a, b) -> a + ", " + b).orElse("");
    String ports = rule.getPorts().stream().map(p -> p.getProtocol() + " " + p.getPort().getIntVal())
        .reduce((a, b) -> a + ", " + b).orElse("");
    return to + " " + ports;
  }

  private static NetworkPolicy policy(String namespace, String name) {
    Dashboard dashboard = operator.dashboards().get(namespace, name);
    return dashboard == null ? null : operator.client().network().v1().networkPolicies().inNamespace(namespace)
        .withName(DashboardNames.networkPolicy(dashboard)).get();
  }
}
