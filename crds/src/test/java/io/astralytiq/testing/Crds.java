package io.astralytiq.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Installs the committed CRDs, as a user would, and waits until they serve. Their one copy is in the Helm chart, which
 * installs and upgrades them as templates (helm/astralytiq-operator/templates/crds.yaml).
 */
public final class Crds {

  /** Where hack/update-crds commits the generated CRDs. */
  public static final String COMMITTED = "helm/astralytiq-operator/files/crds";

  private Crds() {}

  public static List<Path> manifests() {
    try (Stream<Path> files = Files.list(Project.path(COMMITTED))) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<CustomResourceDefinition> install(KubernetesClient client) {
    List<CustomResourceDefinition> installed = manifests().stream().map(file -> apply(client, file)).toList();
    for (CustomResourceDefinition crd : installed) {
      await().atMost(Duration.ofSeconds(30)).until(() -> isEstablished(client, crd.getMetadata().getName()));
    }
    return installed;
  }

  public static boolean isEstablished(KubernetesClient client, String name) {
    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    // A CRD just created may have a status without conditions yet.
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static CustomResourceDefinition apply(KubernetesClient client, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
      return client.resource(crd).fieldManager("astralytiq-tests").forceConflicts().serverSideApply();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
