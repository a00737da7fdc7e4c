package io.astralytiq.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Crds;
import io.astralytiq.testing.Project;
import io.astralytiq.testing.RealApiServer;
import io.astralytiq.testing.RealApiServer.ApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealApiServer.class)
class CrdInstallIT {

  @Test
  void generatedCrdsInstallAndBecomeEstablished(KubernetesClient client) {
    List<CustomResourceDefinition> crds = Crds.install(client);

    assertThat(crds).extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrder("dashboards.astralytiq.io", "tenants.astralytiq.io");
    CustomResourceDefinition dashboards = client.apiextensions().v1().customResourceDefinitions()
        .withName("dashboards.astralytiq.io").get();
    assertThat(dashboards.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(dashboards.getSpec().getNames().getShortNames()).containsExactly("dash");
    assertThat(dashboards.getSpec().getNames().getCategories()).containsExactly("astralytiq");
    assertThat(dashboards.getSpec().getVersions().get(0).getSubresources().getScale().getSpecReplicasPath())
        .isEqualTo(".spec.replicas");
    CustomResourceDefinition tenants = client.apiextensions().v1().customResourceDefinitions()
        .withName("tenants.astralytiq.io").get();
    assertThat(tenants.getSpec().getScope()).isEqualTo("Cluster");
    assertThat(tenants.getSpec().getNames().getShortNames()).containsExactly("tn");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyExampleIsAcceptedAndReadsBackAsTheApiClasses(ApiServer server) throws IOException {
    KubernetesClient client = server.client();
    Crds.install(client);
    client.resource(new NamespaceBuilder().withNewMetadata().withName("acme-analytics").endMetadata().build())
        .serverSideApply();

    assertThat(examples()).hasSizeGreaterThanOrEqualTo(4);
    Command.Result applied = server.kubectl().run("apply", "-f", Project.path("examples").toString());
    assertThat(applied.exitCode()).as(applied.stderr()).isZero();

    Tenant acme = client.resources(Tenant.class).withName("acme").get();
    assertThat(acme.getSpec().getMembers()).extracting(TenantMember::getRole)
        .containsExactly(TenantRole.ADMIN, TenantRole.EDITOR, TenantRole.VIEWER);
    assertThat(acme.getSpec().getDeletionPolicy()).as("schema default").isEqualTo(DeletionPolicy.Retain);
    List<Dashboard> dashboards = client.resources(Dashboard.class).inNamespace("acme-analytics").list().getItems();
    assertThat(dashboards).extracting(d -> d.getMetadata().getName())
        .contains("kpi", "sales", "forecast");
    Dashboard sales = client.resources(Dashboard.class).inNamespace("acme-analytics").withName("sales").get();
    assertThat(sales.getSpec().getAutoscaling().getMaxReplicas()).isEqualTo(10);
    assertThat(sales.getSpec().getDefinition().getPanels()).hasSize(3);
    Map<String, Object> rawSpec = (Map<String, Object>) client
        .genericKubernetesResources(ApiGroup.API_VERSION, "Dashboard").inNamespace("acme-analytics")
        .withName("sales").get().getAdditionalProperties().get("spec");
    assertThat(rawSpec).as("defaults filled in by the API server").containsEntry("suspend", false);
    assertThat((Map<String, Object>) rawSpec.get("rollout")).containsEntry("minReadySeconds", 0);
  }

  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Project.path("examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
