package io.astralytiq.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.AutoscalingSpec;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reconcile with nothing changed sends no POST, PUT, PATCH or DELETE: counted at the operator's operator.client(). */
class DashboardNoOpResyncIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onIsolatedApiServer(Map.of("RESYNC_PERIOD", "1s"));

  @Test
  void resyncsOfConvergedDashboardsWriteNothing() {
    String namespace = operator.tenantNamespace("noop");
    List<Dashboard> created = List.of(plain(namespace), scaled(namespace), autoscaled(namespace), served(namespace));
    created.forEach(d -> operator.client().resource(d).create());
    for (Dashboard d : created) {
      // Progressing: the status has seen the Deployment (no controllers run here, so it goes no further). The served
      // one asks for cert-manager's TLS (the default), and there is no cert-manager here: Degraded, TLSNotReady.
      DashboardPhase settled = d.getSpec().getIngress() == null ? DashboardPhase.Progressing : DashboardPhase.Degraded;
      operator.dashboards().awaitPresent("the settled status of " + d.getMetadata().getName(), () -> {
        Dashboard now = operator.dashboards().get(namespace, d.getMetadata().getName());
        return now.getStatus() != null && now.getStatus().getPhase() == settled ? now : null;
      });
    }
    // The tenant counts its dashboards and their admission in its status: let that settle too.
    operator.dashboards().awaitPresent("the tenant's status counting them all", () -> {
      var tenant = operator.client().resources(Tenant.class).withName(namespace).get();
      return tenant.getStatus() != null && Integer.valueOf(created.size()).equals(tenant.getStatus().getDashboards())
          && Integer.valueOf(created.size()).equals(tenant.getStatus().getUsage().getDashboards()) ? tenant : null;
    });

    // Trailing writes of the creation (a status catching up) may still land: wait for one full round of resyncs
    // over everything that writes nothing, then count three more. An operator that writes on every resync never
    // gets past the first wait.
    int resources = operator.client().resources(Dashboard.class).inAnyNamespace().list().getItems().size()
        + operator.client().resources(Tenant.class).list().getItems().size();
    await("a round of resyncs of every dashboard and tenant without a single write").atMost(Duration.ofSeconds(90))
        .until(() -> {
          long writes = operator.fixture().metrics().writes();
          long reconciliations = operator.fixture().metrics().reconciliations();
          await().atMost(Duration.ofSeconds(30))
              .until(() -> operator.fixture().metrics().reconciliations() >= reconciliations + 2L * resources);
          return operator.fixture().metrics().writes() == writes;
        });
    long writes = operator.fixture().metrics().writes();
    long reconciliations = operator.fixture().metrics().reconciliations();
    await("three more resyncs of everything").atMost(Duration.ofSeconds(60))
        .until(() -> operator.fixture().metrics().reconciliations() >= reconciliations + 3L * resources);

    assertThat(operator.fixture().metrics().writes()).as("write requests during resyncs with nothing changed")
        .isEqualTo(writes);
  }

  private static Dashboard plain(String namespace) {
    return Dashboards.minimal(namespace, "plain");
  }

  private static Dashboard scaled(String namespace) {
    Dashboard d = Dashboards.minimal(namespace, "scaled");
    d.getSpec().setReplicas(3);
    return d;
  }

  private static Dashboard autoscaled(String namespace) {
    Dashboard d = Dashboards.minimal(namespace, "autoscaled");
    AutoscalingSpec autoscaling = new AutoscalingSpec();
    autoscaling.setMinReplicas(2);
    autoscaling.setMaxReplicas(5);
    d.getSpec().setAutoscaling(autoscaling);
    return d;
  }

  private static Dashboard served(String namespace) {
    Dashboard d = Dashboards.minimal(namespace, "served");
    IngressSpec ingress = new IngressSpec();
    ingress.setHost("served.example.com");
    d.getSpec().setIngress(ingress);
    return d;
  }
}
