package io.astralytiq.operator.dashboard.images;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TrustedKeySpec;
import io.astralytiq.operator.common.Hashes;
import io.astralytiq.operator.config.ImageTrust;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.informers.DashboardInformers;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image-signature feature of a Dashboard: which keys its image must be signed with (the tenant's policy, or
 * the operator's for its own runtime image), the registry's answer through the shared {@link ImageVerifier}, and
 * what that means for the rollout ({@link ImageVerdicts}). The registry is never asked on a reconcile thread: a
 * Dashboard whose answer is not known yet is woken by its own event when it is.
 */
public final class DashboardImages implements AutoCloseable {

  /** The event source that wakes a Dashboard whose image check completed. */
  public static final String CHECKED = "image-checked";
  /** How long a key or pull Secret read from the API server is used before it is read again. */
  static final Duration SECRET_LIFETIME = Duration.ofSeconds(30);
  private static final Pattern PEM_BLOCK = Pattern.compile(
      "-----BEGIN PUBLIC KEY-----.+?-----END PUBLIC KEY-----", Pattern.DOTALL);
  private static final String DOCKER_CONFIG = "kubernetes.io/dockerconfigjson";
  private static final String DOCKER_CONFIG_KEY = ".dockerconfigjson";

  private final OperatorConfig config;
  private final ImageVerifier verifier;
  private final List<TrustedKey> operatorKeys;
  private final SimpleInboundEventSource<Dashboard> checked = new SimpleInboundEventSource<>(CHECKED);
  private final Cache<String, Optional<Secret>> secrets = Caffeine.newBuilder().maximumSize(1_000)
      .expireAfterWrite(SECRET_LIFETIME).build();
  private final Cache<String, TrustedKey> parsedKeys = Caffeine.newBuilder().maximumSize(1_000).build();
  /** The last digest verified for an image under a set of keys: what keeps running while the registry is away. */
  private final Cache<String, ImageCheck> lastVerified = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterWrite(Duration.ofDays(1)).build();
  private final Clock clock;

  /** @throws IllegalArgumentException when the operator's own runtime-image keys are not PEM public keys */
  public DashboardImages(OperatorConfig config, MeterRegistry meters, Clock clock) {
    ImageTrust trust = config.imageTrust();
    this.config = config;
    this.clock = clock;
    this.operatorKeys = operatorKeys(trust.runtimeImageKeys());
    this.verifier = new ImageVerifier(new RegistrySettings(trust.registryEndpoints(), trust.registryTimeout()),
        trust.tagLifetime(), trust.resultLifetime(), 1_000, clock, meters);
  }

  /** The event source to register with the Dashboard controller. */
  public SimpleInboundEventSource<Dashboard> eventSource() {
    return checked;
  }

  /**
   * The inputs as the image's signature allows them to roll out. Inputs that already hold a problem roll nothing
   * out, so their registry is not asked.
   */
  public ImageDecision decide(DashboardInputs inputs, Context<Dashboard> context) {
    DashboardModel model = inputs.model();
    if (!inputs.problems().isEmpty()) {
      return ImageDecision.notRequired(inputs);
    }
    Optional<ImagePolicy> policy = Optional.ofNullable(model.tenant()).map(ResourceID::new)
        .flatMap(id -> DashboardInformers.tenants(context).get(id)).map(Tenant::getSpec)
        .map(spec -> spec.getImagePolicy());
    Optional<SignatureRequirement> requirement = SignatureRequirement.of(model, policy, !operatorKeys.isEmpty());
    if (requirement.isEmpty()) {
      return ImageDecision.notRequired(inputs);
    }
    Instant soon = clock.instant().plus(SECRET_LIFETIME);
    KubernetesClient client = context.getClient();
    List<TrustedKey> keys = new ArrayList<>();
    Optional<String> keyProblem = keys(requirement.get(), client, keys);
    if (keyProblem.isPresent()) {
      return ImageVerdicts.unusable(inputs, requirement.get(), DashboardConditions.REASON_TRUSTED_KEY_INVALID,
          keyProblem.get(), soon);
    }
    List<RegistryCredential> credentials = new ArrayList<>();
    Optional<String> secretProblem = credentials(model, client, credentials);
    if (secretProblem.isPresent()) {
      return ImageVerdicts.unusable(inputs, requirement.get(), DashboardConditions.REASON_PULL_SECRET_INVALID,
          secretProblem.get(), soon);
    }
    ResourceID dashboard = ResourceID.fromResource(model.dashboard());
    Optional<ImageCheck> check = verifier.check(model.image(), keys, credentials,
        () -> checked.propagateEvent(dashboard));
    String identity = model.image() + " " + keys.stream()
        .map(k -> k.name() + ":" + Hashes.sha256(Base64.getEncoder().encodeToString(k.key().getEncoded()), 16))
        .sorted().toList();
    check.filter(c -> c.result() == VerificationResult.VERIFIED).ifPresent(c -> lastVerified.put(identity, c));
    Instant tagRecheckAt = model.image().contains("@sha256:") ? null
        : clock.instant().plus(config.imageTrust().tagLifetime());
    return ImageVerdicts.decide(inputs, requirement.get(), check,
        Optional.ofNullable(lastVerified.getIfPresent(identity)), tagRecheckAt);
  }

  /** Fills {@code keys} with the requirement's keys; a sentence on the first that cannot be used. */
  private Optional<String> keys(SignatureRequirement requirement, KubernetesClient client, List<TrustedKey> keys) {
    if (requirement.operatorKeys()) {
      if (operatorKeys.isEmpty()) {
        return Optional.of("the tenant requires signed images, and the operator has no public key for its own runtime"
            + " image " + config.runtimeImage() + ": set the chart value operator.runtimeImagePublicKeys, or name a"
            + " signed image in spec.runtime.image");
      }
      keys.addAll(operatorKeys);
      return Optional.empty();
    }
    for (TrustedKeySpec spec : requirement.tenantKeys()) {
      Optional<String> pem = spec.getPublicKey() != null ? Optional.of(spec.getPublicKey()) : secretKey(spec, client);
      if (pem.isEmpty()) {
        return Optional.of("trusted key " + spec.getName() + ": Secret " + spec.getSecretRef().getName() + " with key "
            + spec.getSecretRef().getKey() + " not found in the operator's namespace " + config.operatorNamespace());
      }
      try {
        keys.add(parsedKeys.get(spec.getName() + "\n" + pem.get(), k -> TrustedKey.parse(spec.getName(), pem.get())));
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
    }
    return Optional.empty();
  }

  private Optional<String> secretKey(TrustedKeySpec spec, KubernetesClient client) {
    return secret(client, config.operatorNamespace(), spec.getSecretRef().getName())
        .map(Secret::getData).map(data -> data.get(spec.getSecretRef().getKey()))
        .map(value -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
  }

  /** Fills {@code credentials} from the Dashboard's image pull Secrets; a sentence on the first that is wrong. */
  private Optional<String> credentials(DashboardModel model, KubernetesClient client,
      List<RegistryCredential> credentials) {
    for (String name : model.imagePullSecrets()) {
      Optional<Secret> secret = secret(client, model.namespace(), name);
      Optional<String> config = secret.filter(s -> DOCKER_CONFIG.equals(s.getType())).map(Secret::getData)
          .map(data -> data.get(DOCKER_CONFIG_KEY));
      if (config.isEmpty()) {
        return Optional.of("image pull Secret " + name + (secret.isEmpty() ? " not found in namespace "
            + model.namespace() : " is not of type " + DOCKER_CONFIG + " with key " + DOCKER_CONFIG_KEY)
            + " (spec.runtime.imagePullSecrets)");
      }
      try {
        credentials.addAll(RegistryCredential.fromDockerConfigJson(Base64.getDecoder().decode(config.get())));
      } catch (IllegalArgumentException e) {
        return Optional.of("image pull Secret " + name + ": " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  private Optional<Secret> secret(KubernetesClient client, String namespace, String name) {
    return secrets.get(namespace + "/" + name,
        key -> Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get()));
  }

  /** The operator's runtime-image keys, named operator-1, operator-2... in the order the setting lists them. */
  static List<TrustedKey> operatorKeys(String pem) {
    List<TrustedKey> keys = new ArrayList<>();
    Matcher block = PEM_BLOCK.matcher(pem);
    while (block.find()) {
      keys.add(TrustedKey.parse("operator-" + (keys.size() + 1), block.group()));
    }
    if (keys.isEmpty() && !pem.isBlank()) {
      throw new IllegalArgumentException("RUNTIME_IMAGE_PUBLIC_KEYS must hold PEM public keys (-----BEGIN PUBLIC"
          + " KEY-----), as in cosign.pub");
    }
    return List.copyOf(keys);
  }

  @Override
  public void close() {
    verifier.close();
  }

  Map<String, ImageCheck> lastVerified() {
    return lastVerified.asMap();
  }
}
