package io.astralytiq.operator.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TrustedKeySpec;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RealNode;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.SignedImages;
import io.astralytiq.operator.testing.SignedImages.KeyPair;
import io.astralytiq.operator.testing.TcpRelay;
import io.astralytiq.testing.LocalCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tenants that run only signed images, on the real node: images of the test's own in the local registry, copied
 * from the runtime this build pushed and signed by the real cosign with key pairs of the test's own. The operator
 * reads the registry through a relay the test can cut, so the registry can go away for the operator alone.
 */
@ExtendWith(LocalCluster.class)
class SignedImagesE2E {

  private static final Duration UP = RealDashboardsE2E.UP;
  /** Long enough for a verification, short enough that a moved tag is seen in a test. */
  private static final String TAG_LIFETIME = "5s";
  private static final Images IMAGES = Images.make();
  /** Where the platform team keeps trusted keys: the operator's namespace. */
  private static final String OPERATOR_NAMESPACE = "astralytiq-system";
  private static final TcpRelay REGISTRY = new TcpRelay(IMAGES.registryHost(), IMAGES.registryPort());

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onRealNode(Map.of(
      "RUNTIME_IMAGE", IMAGES.runtime(),
      "RUNTIME_IMAGE_PUBLIC_KEYS", IMAGES.operatorKey().publicKey(),
      "REGISTRY_ENDPOINTS", IMAGES.registry() + "=http://127.0.0.1:" + REGISTRY.port(),
      "REGISTRY_TIMEOUT", "3s",
      "IMAGE_TAG_LIFETIME", TAG_LIFETIME,
      "OPERATOR_NAMESPACE", OPERATOR_NAMESPACE));

  @AfterAll
  static void closeRelay() {
    REGISTRY.close();
  }

  @Test
  void theDefaultRuntimeRunsByTheDigestTheOperatorsKeySigned() {
    String namespace = operator.namespace("signed-runtime");
    operator.client().resource(RealNode.sampleDashboard(namespace, "orders", "Orders")).create();

    awaitReady(namespace, "orders");

    assertThat(image(namespace, "orders")).isEqualTo(IMAGES.repository("runtime") + "@" + IMAGES.index());
    assertThat(verified(namespace, "orders").getMessage()).contains("signed by trusted key operator-1");
    assertThat(RealNode.panels(operator.client(), namespace, "orders").toString()).contains("count");
  }

  @Test
  void aTenantRunsWhatItsKeySignedByDigestAndRefusesTheRestWithoutDisturbingIt() {
    String namespace = teamTenant("signed-team", ImagePolicy.Mode.Enforce);
    create(namespace, "signed", IMAGES.team("signed"));
    awaitReady(namespace, "signed");

    create(namespace, "unsigned", IMAGES.team("unsigned"));
    create(namespace, "other-key", IMAGES.team("other-key"));
    operator.client().resource(RealNode.sampleDashboard(namespace, "platform", "Platform")).create();

    operator.dashboards().awaitCondition(namespace, "unsigned", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SIGNATURE_MISSING);
    operator.dashboards().awaitCondition(namespace, "other-key", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SIGNATURE_UNTRUSTED);
    operator.dashboards().awaitEvent(namespace, "unsigned", "Warning", DashboardConditions.REASON_SIGNATURE_MISSING);
    assertThat(deployment(namespace, "unsigned")).as("a refused image gets no pods").isNull();
    assertThat(deployment(namespace, "other-key")).isNull();
    assertThat(verified(namespace, "other-key").getMessage()).contains("team");
    assertThat(image(namespace, "signed")).isEqualTo(IMAGES.repository("team") + "@" + IMAGES.index());
    assertThat(condition(namespace, "signed", DashboardConditions.READY).getStatus()).isEqualTo("True");
    awaitReady(namespace, "platform");
    assertThat(verified(namespace, "platform").getMessage()).as("the operator's runtime, by the operator's key")
        .contains("signed by trusted key operator-1");
  }

  @Test
  void eitherOfTwoTrustedKeysVerifiesWhileKeysRotate() {
    String secret = "rotation-" + OperatorFixture.uniqueName("key");
    operator.client().resource(new NamespaceBuilder().withNewMetadata().withName(operatorNamespace()).endMetadata()
        .build()).serverSideApply();
    operator.client().resource(new SecretBuilder().withNewMetadata().withName(secret)
        .withNamespace(operatorNamespace()).endMetadata().addToStringData("cosign.pub", IMAGES.otherKey().publicKey())
        .build()).create();
    TrustedKeySpec next = new TrustedKeySpec();
    next.setName("next");
    next.setSecretRef(new TrustedKeySpec.SecretRef());
    next.getSecretRef().setName(secret);
    String namespace = operator.tenantNamespace("rotation", requiring(ImagePolicy.Mode.Enforce,
        inline("team", IMAGES.teamKey()), next));

    create(namespace, "old-key", IMAGES.team("signed"));
    create(namespace, "new-key", IMAGES.team("other-key"));

    operator.dashboards().awaitCondition(namespace, "old-key", DashboardConditions.IMAGE_VERIFIED, "True",
        DashboardConditions.REASON_SIGNATURE_VERIFIED);
    operator.dashboards().awaitCondition(namespace, "new-key", DashboardConditions.IMAGE_VERIFIED, "True",
        DashboardConditions.REASON_SIGNATURE_VERIFIED);
    assertThat(verified(namespace, "old-key").getMessage()).contains("signed by trusted key team");
    assertThat(verified(namespace, "new-key").getMessage()).contains("signed by trusted key next");
    assertThat(image(namespace, "new-key")).isEqualTo(IMAGES.repository("team") + "@" + IMAGES.otherKeyDigest());
  }

  @Test
  void aTagMovedToAnUnsignedImageIsRefusedWhileThePodsKeepRunningTheVerifiedDigest() {
    String namespace = teamTenant("moved-tag", ImagePolicy.Mode.Enforce);
    String tag = OperatorFixture.uniqueName("moving");
    SignedImages.LOCAL.tag(IMAGES.repository("team"), IMAGES.index(), tag);
    create(namespace, "moving", IMAGES.team(tag));
    awaitReady(namespace, "moving");
    Set<String> pods = podUids(namespace, "moving");

    SignedImages.LOCAL.tag(IMAGES.repository("team"), IMAGES.unsignedDigest(), tag);

    operator.dashboards().awaitCondition(namespace, "moving", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SIGNATURE_MISSING);
    assertThat(verified(namespace, "moving").getMessage()).contains(IMAGES.unsignedDigest());
    assertThat(image(namespace, "moving")).isEqualTo(IMAGES.repository("team") + "@" + IMAGES.index());
    assertThat(podUids(namespace, "moving")).as("the running pods are untouched").isEqualTo(pods);
    assertThat(deployment(namespace, "moving").getStatus().getReadyReplicas()).isEqualTo(1);
  }

  @Test
  void warnModeRunsAnUnsignedImageAsNamedAndSaysSo() {
    String namespace = teamTenant("warned", ImagePolicy.Mode.Warn);
    create(namespace, "unsigned", IMAGES.team("unsigned"));

    awaitReady(namespace, "unsigned");

    assertThat(image(namespace, "unsigned")).isEqualTo(IMAGES.team("unsigned"));
    assertThat(verified(namespace, "unsigned")).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo(DashboardConditions.REASON_SIGNATURE_MISSING);
      assertThat(c.getMessage()).endsWith("running it anyway, as imagePolicy.mode Warn asks");
    });
    operator.dashboards().awaitEvent(namespace, "unsigned", "Warning", DashboardConditions.REASON_SIGNATURE_MISSING);
  }

  @Test
  void aRegistryOutOfReachKeepsWhatRunsRefusesWhatItCannotCheckAndRecovers() {
    String namespace = teamTenant("outage", ImagePolicy.Mode.Enforce);
    create(namespace, "running", IMAGES.team("signed"));
    awaitReady(namespace, "running");
    Set<String> pods = podUids(namespace, "running");
    String tag = OperatorFixture.uniqueName("during-outage");
    SignedImages.LOCAL.tag(IMAGES.repository("team"), IMAGES.index(), tag);

    REGISTRY.cut();
    try {
      operator.dashboards().awaitCondition(namespace, "running", DashboardConditions.IMAGE_VERIFIED, "False",
          DashboardConditions.REASON_REGISTRY_UNREACHABLE);
      create(namespace, "new", IMAGES.team(tag));
      operator.dashboards().awaitCondition(namespace, "new", DashboardConditions.READY, "False",
          DashboardConditions.REASON_REGISTRY_UNREACHABLE);
      assertThat(condition(namespace, "running", DashboardConditions.READY).getStatus()).isEqualTo("True");
      assertThat(verified(namespace, "running").getMessage()).contains("the pods keep running "
          + IMAGES.repository("team") + "@" + IMAGES.index());
      assertThat(deployment(namespace, "new")).isNull();
    } finally {
      REGISTRY.mend();
    }

    awaitReady(namespace, "new");
    operator.dashboards().awaitCondition(namespace, "running", DashboardConditions.IMAGE_VERIFIED, "True",
        DashboardConditions.REASON_SIGNATURE_VERIFIED);
    assertThat(podUids(namespace, "running")).isEqualTo(pods);
  }

  private static void create(String namespace, String name, String image) {
    Dashboard dashboard = RealNode.sampleDashboard(namespace, name, name);
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage(image);
    dashboard.getSpec().setRuntime(runtime);
    operator.client().resource(dashboard).create();
  }

  private static void awaitReady(String namespace, String name) {
    operator.dashboards().awaitCondition(namespace, name, DashboardConditions.READY, "True",
        DashboardConditions.REASON_READY, UP);
  }

  private static Condition verified(String namespace, String name) {
    return condition(namespace, name, DashboardConditions.IMAGE_VERIFIED);
  }

  private static Condition condition(String namespace, String name, String type) {
    return DashboardAsserts.condition(operator.dashboards().get(namespace, name), type);
  }

  private static Deployment deployment(String namespace, String name) {
    return operator.client().apps().deployments().inNamespace(namespace).withName(name).get();
  }

  private static String image(String namespace, String name) {
    return deployment(namespace, name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private static Set<String> podUids(String namespace, String name) {
    return operator.client().pods().inNamespace(namespace).withLabel("app.kubernetes.io/instance", name).list()
        .getItems().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .map(Pod::getMetadata).map(m -> m.getUid()).collect(Collectors.toSet());
  }

  private static String operatorNamespace() {
    return OPERATOR_NAMESPACE;
  }

  /** A new tenant that requires images signed by the team's key, and its namespace. */
  private static String teamTenant(String prefix, ImagePolicy.Mode mode) {
    return operator.tenantNamespace(prefix, requiring(mode, inline("team", IMAGES.teamKey())));
  }

  private static UnaryOperator<Tenant> requiring(ImagePolicy.Mode mode, TrustedKeySpec... keys) {
    return tenant -> {
      ImagePolicy policy = new ImagePolicy();
      policy.setRequireSignature(true);
      policy.setMode(mode);
      policy.setTrustedKeys(List.of(keys));
      tenant.getSpec().setImagePolicy(policy);
      return tenant;
    };
  }

  private static TrustedKeySpec inline(String name, KeyPair key) {
    TrustedKeySpec spec = new TrustedKeySpec();
    spec.setName(name);
    spec.setPublicKey(key.publicKey());
    return spec;
  }

  /**
   * The test's images in a repository of its own, {@code it-signed-<id>}: runtime (the build's runtime index, signed
   * by the operator's key) and team, whose tags are signed (the index, by the team's key), unsigned (the amd64
   * manifest, a digest of its own that nobody signed) and other-key (the arm64 manifest, signed by another key).
   */
  record Images(String registry, String base, String index, String unsignedDigest, String otherKeyDigest,
      KeyPair operatorKey, KeyPair teamKey, KeyPair otherKey) {

    static Images make() {
      String built = RealNode.runtimeImage();
      String registry = built.substring(0, built.indexOf('/'));
      String base = registry + "/" + OperatorFixture.uniqueName("it-signed");
      Path keys;
      try {
        keys = Files.createTempDirectory("signed-images");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      KeyPair operatorKey = SignedImages.LOCAL.keyPair(keys, "operator");
      KeyPair teamKey = SignedImages.LOCAL.keyPair(keys, "team");
      KeyPair otherKey = SignedImages.LOCAL.keyPair(keys, "other");
      String index = SignedImages.LOCAL.copy(built, base + "/runtime:signed");
      SignedImages.LOCAL.sign(operatorKey, base + "/runtime", index);
      SignedImages.LOCAL.copy(built, base + "/team:signed");
      SignedImages.LOCAL.sign(teamKey, base + "/team", index);
      String unsigned = SignedImages.LOCAL.copyPlatform(built, "linux/amd64", base + "/team:unsigned");
      String otherKeyDigest = SignedImages.LOCAL.copyPlatform(built, "linux/arm64", base + "/team:other-key");
      SignedImages.LOCAL.sign(otherKey, base + "/team", otherKeyDigest);
      return new Images(registry, base, index, unsigned, otherKeyDigest, operatorKey, teamKey, otherKey);
    }

    String repository(String name) {
      return base + "/" + name;
    }

    String team(String tag) {
      return repository("team") + ":" + tag;
    }

    /** The runtime by tag, as an operator's chart names it. */
    String runtime() {
      return repository("runtime") + ":signed";
    }

    String registryHost() {
      return registry.substring(0, registry.indexOf(':'));
    }

    int registryPort() {
      return Integer.parseInt(registry.substring(registry.indexOf(':') + 1));
    }
  }
}
