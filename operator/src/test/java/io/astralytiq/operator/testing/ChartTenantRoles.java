package io.astralytiq.operator.testing;

import io.astralytiq.testing.Project;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The three ClusterRoles a Tenant's members are bound to, from the Helm chart's file as it is: installed with the
 * operator, as the chart installs them, so that a Tenant with members can be Ready.
 */
public final class ChartTenantRoles {

  public static final Path FILE = Project.path("helm/astralytiq-operator/templates/rbac/tenant-roles.yaml");

  private ChartTenantRoles() {}

  public static List<HasMetadata> install(KubernetesClient client) {
    try (InputStream roles = Files.newInputStream(FILE)) {
      List<HasMetadata> items = client.load(roles).items();
      items.forEach(role -> client.resource(role).fieldManager("astralytiq-tests").forceConflicts().serverSideApply());
      return items;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
