package io.astralytiq.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real CRDs of the third-party APIs the operator uses when they are installed, fetched from the projects' Go
 * modules by hack/third-party-crds (pinned in hack/versions.env, cached outside the repo), so that objects the
 * operator makes are validated by the schemas a real cluster would have.
 */
public enum ThirdPartyCrds {
  CERT_MANAGER("cert-manager.io_certificates.yaml", "cert-manager.io_issuers.yaml",
      "cert-manager.io_clusterissuers.yaml"),
  PROMETHEUS_OPERATOR("monitoring.coreos.com_prometheusrules.yaml", "monitoring.coreos.com_servicemonitors.yaml");

  private static Path directory;
  private final List<String> files;

  ThirdPartyCrds(String... files) {
    this.files = List.of(files);
  }

  /** Where the CRD files are, fetching them on first use. */
  public static synchronized Path directory() {
    if (directory == null) {
      Command.Result result = Command.run(List.of(Project.path("hack/third-party-crds").toString()), null,
          Duration.ofMinutes(5));
      if (result.exitCode() != 0) {
        throw new IllegalStateException("hack/third-party-crds failed: " + result.stderr());
      }
      directory = Path.of(result.stdout().strip());
    }
    return directory;
  }

  public List<Path> manifests() {
    return files.stream().map(directory()::resolve).toList();
  }

  /** Installs these CRDs and waits until they serve. */
  public List<CustomResourceDefinition> install(KubernetesClient client) {
    List<CustomResourceDefinition> installed = manifests().stream().map(f -> Crds.apply(client, f)).toList();
    for (CustomResourceDefinition crd : installed) {
      await().atMost(Duration.ofSeconds(30)).until(() -> Crds.isEstablished(client, crd.getMetadata().getName()));
    }
    return installed;
  }

  /** Removes these CRDs (and so every object of theirs) and waits until they are gone. */
  public void uninstall(KubernetesClient client) {
    for (Path file : manifests()) {
      String name = client.apiextensions().v1().customResourceDefinitions().load(file.toFile()).item()
          .getMetadata().getName();
      client.apiextensions().v1().customResourceDefinitions().withName(name).delete();
      await().atMost(Duration.ofSeconds(60))
          .until(() -> client.apiextensions().v1().customResourceDefinitions().withName(name).get() == null);
    }
  }
}
