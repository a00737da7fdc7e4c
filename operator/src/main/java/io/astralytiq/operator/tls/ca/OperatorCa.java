package io.astralytiq.operator.tls.ca;

import io.astralytiq.operator.common.EventRecorder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's own CA as stored in its Secret: created when first needed, rotated step by step as time passes
 * (see {@link CaRotation}), and written back only when a step changed it. Every reconciliation of every
 * Dashboard asks it for the bundle, so it answers from memory and goes to the API server only when the bundle
 * is missing or a rotation step is due. Writes carry the resourceVersion they read, so two operator processes
 * (a leader hand-over) cannot overwrite each other's CA.
 */
public class OperatorCa {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorCa.class);
  private static final String REASON_ROTATED = "CertificateAuthorityRotated";

  private final KubernetesClient client;
  private final String namespace;
  private final String secretName;
  private final CaRotation rotation;
  private final EventRecorder events;
  private CaBundle bundle;
  private Instant nextStepAt = Instant.MIN;

  public OperatorCa(KubernetesClient client, String namespace, String secretName, CaRotation rotation,
      EventRecorder events) {
    this.client = client;
    this.namespace = namespace;
    this.secretName = secretName;
    this.rotation = rotation;
    this.events = events;
  }

  /** The CAs to sign with and to trust, as of now. */
  public synchronized CaBundle bundle(Instant now) {
    if (bundle == null || !now.isBefore(nextStepAt)) {
      refresh();
    }
    return bundle;
  }

  /** When the next rotation step is due (after {@link #bundle}). */
  public synchronized Instant nextStepAt() {
    return nextStepAt;
  }

  private void refresh() {
    for (int attempt = 1; ; attempt++) {
      Secret stored = secret().get();
      Rotation step = rotation.rotate(stored == null ? Optional.empty()
          : CaSecretData.fromData(stored.getData() == null ? Map.of() : stored.getData()));
      try {
        Secret written = step.changed() ? write(stored, step.bundle()) : stored;
        bundle = step.bundle();
        nextStepAt = step.nextStepAt();
        if (step.changed()) {
          LOG.info("CA secret {}/{}: {}", namespace, secretName, step.describe());
          events.normal(written, REASON_ROTATED, step.describe());
        }
        return;
      } catch (KubernetesClientException e) {
        // 409: another process wrote it since we read it; read again and redo the step from what it wrote.
        if (e.getCode() != 409 || attempt == 3) {
          throw e;
        }
      }
    }
  }

  private Secret write(Secret stored, CaBundle next) {
    Secret secret = new SecretBuilder()
        .withNewMetadata().withName(secretName).withNamespace(namespace)
          // Not the managed-by label of dashboards' children: no informer of theirs should cache the CA's key.
          .withLabels(Map.of("app.kubernetes.io/name", "astralytiq-operator",
              "app.kubernetes.io/component", "certificate-authority"))
        .endMetadata()
        .withType("Opaque")
        .withData(CaSecretData.toData(next))
        .build();
    if (stored == null) {
      return client.resource(secret).create();
    }
    secret.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
    return client.resource(secret).update();
  }

  private Resource<Secret> secret() {
    return client.secrets().inNamespace(namespace).withName(secretName);
  }
}
