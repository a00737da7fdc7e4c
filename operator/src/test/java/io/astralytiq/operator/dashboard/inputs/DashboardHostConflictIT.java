package io.astralytiq.operator.dashboard.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two Dashboards claiming one host: the first keeps serving, the later one is told why it does not. */
class DashboardHostConflictIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer();

  @Test
  void theLaterClaimGetsHostConflictAndNoIngress() {
    String first = operator.namespace("first");
    String second = operator.namespace("second");
    operator.client().resource(withHost(Dashboards.minimal(first, "sales"), "sales.example.com")).create();
    operator.dashboards().awaitPresent("the first Ingress", () -> ingress(first, "sales"));

    operator.client().resource(withHost(Dashboards.minimal(second, "sales-copy"), "sales.example.com")).create();

    Condition ready = operator.dashboards().awaitCondition(second, "sales-copy", DashboardConditions.READY, "False",
        DashboardConditions.REASON_HOST_CONFLICT);
    assertThat(ready.getMessage()).contains("sales.example.com").contains(first + "/sales");
    assertThat(ingress(second, "sales-copy")).isNull();
    assertThat(ingress(first, "sales").getSpec().getRules().get(0).getHost()).isEqualTo("sales.example.com");
    assertThat(operator.client().apps().deployments().inNamespace(second).withName("sales-copy").get())
        .as("the rest of the conflicting dashboard still runs").isNotNull();
    operator.dashboards().awaitEvent(second, "sales-copy", "Warning", DashboardConditions.REASON_HOST_CONFLICT);
  }

  private static Dashboard withHost(Dashboard dashboard, String host) {
    IngressSpec ingress = new IngressSpec();
    ingress.setHost(host);
    dashboard.getSpec().setIngress(ingress);
    return dashboard;
  }

  private static Ingress ingress(String namespace, String name) {
    return operator.client().network().v1().ingresses().inNamespace(namespace).withName(name).get();
  }
}
