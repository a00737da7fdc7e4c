package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reinstalling the operator (its pod and its memory gone, the Dashboards and Tenants still there) adopts what the
 * old one made and changes nothing: the new operator reconciles every resource once and sends no write, not even
 * a status patch. On an API server of its own, so that nothing else writes.
 */
class OperatorReinstallIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onIsolatedApiServer(Map.of("RESYNC_PERIOD", "2s"));

  @Test
  void aNewOperatorAgainstConvergedDashboardsAndTenantsWritesNothing() {
    String namespace = operator.tenantNamespace("reinstall");
    Dashboard scaled = Dashboards.minimal(namespace, "scaled");
    scaled.getSpec().setReplicas(3);
    List<Dashboard> created = List.of(Dashboards.minimal(namespace, "plain"), scaled,
        Dashboards.withTls(Dashboards.minimal(namespace, "served"), "served.example.com", IngressTls.TlsMode.None,
            null));
    created.forEach(d -> operator.client().resource(d).create());
    for (Dashboard d : created) {
      operator.dashboards().awaitPresent("the settled status of " + d.getMetadata().getName(), () -> {
        Dashboard now = operator.dashboards().get(namespace, d.getMetadata().getName());
        return now.getStatus() != null && now.getStatus().getPhase() == DashboardPhase.Progressing ? now : null;
      });
    }
    operator.dashboards().awaitPresent("the tenant's status counting them", () -> {
      Tenant tenant = operator.client().resources(Tenant.class).withName(namespace).get();
      return tenant.getStatus() != null && Integer.valueOf(created.size()).equals(tenant.getStatus().getDashboards())
          ? tenant : null;
    });
    // The creation's trailing writes (a status catching up) done: a few resyncs of everything without one.
    await("the old operator quiet").atMost(Duration.ofSeconds(60)).until(() -> {
      long writes = operator.fixture().metrics().writes();
      long reconciliations = operator.fixture().metrics().reconciliations();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> operator.fixture().metrics().reconciliations() >= reconciliations + 2L * (created.size() + 1));
      return operator.fixture().metrics().writes() == writes;
    });

    operator.restart();

    int resources = created.size() + 1;
    await("the new operator reconciling everything twice").atMost(Duration.ofSeconds(60))
        .until(() -> operator.fixture().metrics().reconciliations() >= 2L * resources);
    System.out.printf("reinstall: resources=%d reconciliations=%d writes=%d%n", resources,
        operator.fixture().metrics().reconciliations(), operator.fixture().metrics().writes());
    assertThat(operator.fixture().metrics().writes()).as("writes of the new operator, status included").isZero();
  }
}
