package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.EgressDestination;
import io.astralytiq.api.v1alpha1.EgressPort;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.TenantEgress;
import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.Tenants;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.util.List;
import java.util.Optional;
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

  @Test
  void aServiceInAnotherOfItsTenantsNamespacesIsOpened() {
    String tenant = OperatorFixture.uniqueName("egress-sister");
    String data = tenant + "-data";
    operator.client().resource(Tenants.of(tenant, tenant, data)).create();
    for (String namespace : List.of(tenant, data)) {
      operator.dashboards().awaitPresent("namespace " + namespace + " held by tenant " + tenant, () -> Optional
          .ofNullable(operator.client().namespaces().withName(namespace).get()).map(ns -> ns.getMetadata().getLabels())
          .filter(labels -> tenant.equals(labels.get(Labels.TENANT))).orElse(null));
    }
    operator.client().resource(Dashboards.withDataset(Dashboards.minimal(tenant, "sales"),
        Dashboards.jdbc("warehouse", "jdbc:postgresql://orders-db." + data + ".svc:5432/orders", null))).create();

    NetworkPolicy policy = operator.dashboards().awaitPresent("the NetworkPolicy", () -> policy(tenant, "sales"));

    assertThat(policy.getSpec().getEgress()).extracting(DashboardEgressIT::describe)
        .containsExactly("namespace kube-system UDP 53, TCP 53", "namespace " + data + " TCP 5432");
  }

  @Test
  void aServiceInAnotherTenantsNamespaceIsNeverOpenedAndReportedOnce() {
    String namespace = operator.tenantNamespace("egress-acme");
    String other = operator.tenantNamespace("egress-globex");
    Dataset billing = Dashboards.jdbc("billing", "jdbc:postgresql://billing-db." + other + ".svc:5432/billing", null);
    operator.client().resource(Dashboards.withDataset(Dashboards.minimal(namespace, "sales"), billing)).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "False",
        DashboardConditions.REASON_EGRESS_NOT_ALLOWED);
    assertThat(ready.getMessage()).contains("billing-db." + other + ".svc is a Service in namespace " + other)
        .contains("not one of tenant " + namespace + "'s");
    operator.dashboards().awaitEvent(namespace, "sales", "Warning", DashboardConditions.REASON_EGRESS_NOT_ALLOWED);
    assertThat(policy(namespace, "sales")).as("no revision with the way into " + other).isNull();

    // Another reconcile with the same refusal (a new generation, still naming the other tenant's Service): no new Event.
    long reported = refusalEvents(namespace);
    Dashboard retitled = operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().getDefinition().setTitle("Sales and billing");
      return d;
    });
    operator.dashboards().awaitPresent("the status of generation " + retitled.getMetadata().getGeneration(),
        () -> Optional.ofNullable(operator.dashboards().get(namespace, "sales").getStatus())
            .filter(s -> retitled.getMetadata().getGeneration().equals(s.getObservedGeneration())).orElse(null));
    assertThat(refusalEvents(namespace)).as("Events of the refusal after a reconcile that found it again")
        .isEqualTo(reported);

    operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().getDefinition().setDatasets(d.getSpec().getDefinition().getDatasets().stream()
          .filter(dataset -> !"billing".equals(dataset.getName())).toList());
      return d;
    });
    NetworkPolicy policy = operator.dashboards().awaitPresent("the NetworkPolicy without the other tenant's "
        + "Service", () -> policy(namespace, "sales"));
    assertThat(policy.getSpec().getEgress()).extracting(DashboardEgressIT::describe)
        .containsExactly("namespace kube-system UDP 53, TCP 53");
  }

  private static long refusalEvents(String namespace) {
    return operator.dashboards().events(namespace, "sales").stream()
        .filter(e -> DashboardConditions.REASON_EGRESS_NOT_ALLOWED.equals(e.getReason())).count();
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
