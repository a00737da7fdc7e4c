package io.astralytiq.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Crds;
import io.astralytiq.testing.Project;
import io.astralytiq.testing.RealApiServer;
import io.astralytiq.testing.RealApiServer.ApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a kubectl user sees of the API: printer columns, short names and field descriptions. */
@ExtendWith(RealApiServer.class)
class KubectlIT {

  private static final String NAMESPACE = "kubectl-it";

  @BeforeAll
  static void installCrdsAndExamples(ApiServer server) throws IOException {
    Crds.install(server.client());
    server.client().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    String kpi = Files.readString(Project.path("examples/dashboard-kpi.yaml"))
        .replace("namespace: acme-analytics", "namespace: " + NAMESPACE);
    Command.Result applied = server.kubectl().runWithInput(kpi, "apply", "-f", "-");
    assertThat(applied.exitCode()).as(applied.stderr()).isZero();
  }

  @Test
  void getDashboardsShowsThePrinterColumns(ApiServer server) {
    Command.Result result = server.kubectl().run("get", "dashboards", "-n", NAMESPACE);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    String header = result.stdout().lines().findFirst().orElseThrow();
    assertThat(header.split("\\s+")).containsExactly("NAME", "PHASE", "READY", "REPLICAS", "REVISION", "URL", "AGE");
    assertThat(result.stdout()).contains("kpi");
  }

  @Test
  void shortNameAndCategoryWork(ApiServer server) {
    assertThat(server.kubectl().run("get", "dash", "-n", NAMESPACE).stdout()).contains("kpi");
    assertThat(server.kubectl().run("get", "astralytiq", "-n", NAMESPACE).stdout()).contains("dashboard.astralytiq.io/kpi");
    assertThat(server.kubectl().run("get", "tn").exitCode()).isZero();
  }

  @Test
  void explainShowsTheFieldDescriptions(ApiServer server) {
    Command.Result result = server.kubectl().run("explain", "dashboard.spec.autoscaling");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout())
        .contains("Scale the runtime on CPU with a HorizontalPodAutoscaler")
        .contains("maxReplicas")
        .contains("Most runtime pods.")
        .contains("targetCPUUtilizationPercentage");
  }

  @Test
  void scaleSubresourceSetsReplicas(ApiServer server) {
    Command.Result scaled = server.kubectl().run("scale", "dashboard", "kpi", "-n", NAMESPACE, "--replicas=3");

    assertThat(scaled.exitCode()).as(scaled.stderr()).isZero();
    Dashboard kpi = server.client().resources(Dashboard.class).inNamespace(NAMESPACE).withName("kpi").get();
    assertThat(kpi.getSpec().getReplicas()).isEqualTo(3);
  }
}
