package io.astralytiq.operator.dashboard.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.api.v1alpha1.TrustedKeySpec;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.PasswordRegistry;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.SignedImages;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant's images in a registry that asks for a password (distribution's registry with htpasswd): the operator
 * reads their signatures with the Dashboard's image pull Secret, and with nothing else. On the real API server; the
 * registry is the test's own, on loopback.
 */
class ImagePullSecretsIT {

  private static final String PASSWORD = "s3cret-" + Long.toString(System.nanoTime(), 36);
  private static final Path DIR = tempDir();
  private static final PasswordRegistry REGISTRY = PasswordRegistry.start(DIR, "team-ci", PASSWORD);
  private static final SignedImages.KeyPair KEY = REGISTRY.images().keyPair(DIR, "team");
  private static final String REPOSITORY = REGISTRY.address() + "/team/forecast";
  private static final String DIGEST = REGISTRY.images().push("forecast 1.0", REPOSITORY + ":1.0");

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer(Map.of(
      "REGISTRY_ENDPOINTS", REGISTRY.address() + "=http://" + REGISTRY.address(), "REGISTRY_TIMEOUT", "5s"));

  static {
    REGISTRY.images().sign(KEY, REPOSITORY, DIGEST);
  }

  @AfterAll
  static void stopRegistry() {
    REGISTRY.close();
  }

  @Test
  void theDashboardsPullSecretOpensThePrivateRegistryAndNothingElseDoes() {
    String namespace = operator.tenantNamespace("private-registry", tenant -> {
      TrustedKeySpec key = new TrustedKeySpec();
      key.setName("team");
      key.setPublicKey(KEY.publicKey());
      ImagePolicy policy = new ImagePolicy();
      policy.setRequireSignature(true);
      policy.setTrustedKeys(List.of(key));
      tenant.getSpec().setImagePolicy(policy);
      return tenant;
    });
    operator.client().resource(new SecretBuilder().withNewMetadata().withName("regcred").withNamespace(namespace)
        .endMetadata().withType("kubernetes.io/dockerconfigjson")
        .addToStringData(".dockerconfigjson", REGISTRY.dockerConfigJson()).build()).create();

    operator.client().resource(dashboard(namespace, "with-secret", "regcred")).create();
    operator.client().resource(dashboard(namespace, "without-secret")).create();
    operator.client().resource(dashboard(namespace, "missing-secret", "no-such-secret")).create();

    operator.dashboards().awaitCondition(namespace, "with-secret", DashboardConditions.IMAGE_VERIFIED, "True",
        DashboardConditions.REASON_SIGNATURE_VERIFIED);
    Deployment deployment = operator.dashboards().awaitPresent("the Deployment of with-secret",
        () -> operator.client().apps().deployments().inNamespace(namespace).withName("with-secret").get());
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(REPOSITORY + "@" + DIGEST);
    assertThat(deployment.getSpec().getTemplate().getSpec().getImagePullSecrets()).extracting(
        LocalObjectReference::getName).as("the kubelet pulls with the same Secret").containsExactly("regcred");

    operator.dashboards().awaitCondition(namespace, "without-secret", DashboardConditions.READY, "False",
        DashboardConditions.REASON_IMAGE_NOT_FOUND);
    assertThat(operator.dashboards().get(namespace, "without-secret").getStatus().getConditions())
        .filteredOn(c -> c.getType().equals(DashboardConditions.IMAGE_VERIFIED)).singleElement()
        .satisfies(c -> assertThat(c.getMessage()).contains("check the image pull Secret's credentials"));
    operator.dashboards().awaitCondition(namespace, "missing-secret", DashboardConditions.READY, "False",
        DashboardConditions.REASON_PULL_SECRET_INVALID);
    assertThat(operator.client().apps().deployments().inNamespace(namespace).withName("without-secret").get())
        .isNull();

    operator.dashboards().awaitEvent(namespace, "missing-secret", "Warning",
        DashboardConditions.REASON_PULL_SECRET_INVALID);
    String written = Serialization.asJson(operator.client().resources(Dashboard.class).inNamespace(namespace).list())
        + Serialization.asJson(operator.client().v1().events().inNamespace(namespace).list());
    assertThat(written).as("no status or Event shows the password").doesNotContain(PASSWORD);
  }

  private static Dashboard dashboard(String namespace, String name, String... pullSecrets) {
    Dashboard dashboard = Dashboards.minimal(namespace, name);
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage(REPOSITORY + ":1.0");
    runtime.setImagePullSecrets(List.of(pullSecrets).stream().map(LocalObjectReference::new).toList());
    dashboard.getSpec().setRuntime(runtime);
    return dashboard;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("password-registry");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
