package io.astralytiq.operator.dashboard.model;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.DashboardNames;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.operator.config.RuntimeEgress;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The runtime's Deployment. Pods run under the restricted Pod Security Standard: non-root, read-only root
 * filesystem with an emptyDir for scratch files, no capabilities, RuntimeDefault seccomp, no API token.
 */
final class DesiredDeployment {

  static final String CONTAINER = "runtime";

  private DesiredDeployment() {}

  static Deployment of(DashboardModel model) {
    RolloutSpec rollout = model.rollout();
    Map<String, String> podAnnotations = model.definition() == null ? Map.of()
        : Map.of(Labels.DEFINITION_HASH, model.definition().hash());
    return new DeploymentBuilder()
        .withMetadata(model.childMetadata(DashboardNames.deployment(model.dashboard())))
        .withNewSpec()
          // Left out under an autoscaler, so the operator never takes the field back from it.
          .withReplicas(model.fixedReplicas().orElse(null))
          .withNewSelector().withMatchLabels(model.selectorLabels()).endSelector()
          .withProgressDeadlineSeconds(rollout.getProgressDeadlineSeconds())
          // Zero is the server's default and it omits it: sending 0 would look like a change on every compare.
          .withMinReadySeconds(rollout.getMinReadySeconds() == null || rollout.getMinReadySeconds() == 0 ? null
              : rollout.getMinReadySeconds())
          .withRevisionHistoryLimit(rollout.getRevisionHistoryLimit())
          // Never fewer ready pods than asked for while a new revision rolls out.
          .withNewStrategy().withType("RollingUpdate")
            .withNewRollingUpdate().withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1))
            .endRollingUpdate()
          .endStrategy()
          .withNewTemplate()
            // No tenant label on pods: a namespace changing tenant must not roll every dashboard in it.
            .withNewMetadata().withLabels(model.podLabels()).withAnnotations(podAnnotations).endMetadata()
            .withSpec(DesiredPlacement.applyTo(new PodSpecBuilder(), model)
                .withServiceAccountName(DashboardNames.serviceAccount(model.dashboard()))
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                  .withRunAsNonRoot(true)
                  .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withImagePullSecrets(imagePullSecrets(model))
                .withContainers(container(model))
                .withVolumes(DesiredVolumes.volumes(model))
                .build())
          .endTemplate()
        .endSpec()
        .build();
  }

  /** None rather than an empty list, so that a Deployment without them is written as before they existed. */
  private static List<LocalObjectReference> imagePullSecrets(DashboardModel model) {
    List<String> names = model.imagePullSecrets();
    return names.isEmpty() ? null : names.stream().map(LocalObjectReference::new).toList();
  }

  private static Container container(DashboardModel model) {
    RuntimeSpec runtime = model.spec().getRuntime();
    return new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(model.runImage())
        .addNewPort().withName(RuntimeContract.PORT_NAME).withContainerPort(model.port()).withProtocol("TCP")
        .endPort()
        .withEnv(env(model))
        .withResources(runtime == null ? null : runtime.getResources())
        .withReadinessProbe(probe(readinessPath(runtime), 5, 3))
        .withLivenessProbe(probe(livenessPath(runtime), 10, 6))
        // Liveness counts only once the process answers: a JVM starting on a busy node may take minutes, and
        // killing it at a minute (what liveness alone would do) makes it never start.
        .withStartupProbe(probe(livenessPath(runtime), 5, 60))
        .withNewSecurityContext()
          .withAllowPrivilegeEscalation(false)
          .withReadOnlyRootFilesystem(true)
          .withRunAsNonRoot(true)
          .withNewCapabilities().withDrop("ALL").endCapabilities()
        .endSecurityContext()
        .withVolumeMounts(DesiredVolumes.mounts(model))
        .build();
  }

  private static List<EnvVar> env(DashboardModel model) {
    List<EnvVar> env = new ArrayList<>();
    if (model.definition() != null) {
      env.add(env(RuntimeContract.DEFINITION_ENV,
          RuntimeContract.DEFINITION_DIR + "/" + RuntimeContract.DEFINITION_FILE));
    }
    if (model.runsDefaultRuntime()) {
      RuntimeEgress egress = model.config().runtimeEgress();
      env.add(env(RuntimeContract.TEMP_DIR_ENV, RuntimeContract.TEMP_DIR));
      // Always set: the runtime reads an empty list as "block nothing".
      env.add(env(RuntimeContract.EGRESS_BLOCKED_CIDRS_ENV, String.join(",", egress.blockedCidrs())));
      env.add(env(RuntimeContract.EGRESS_ALLOWED_HOSTS_ENV, String.join(",", egress.allowedHosts())));
    }
    RuntimeSpec runtime = model.spec().getRuntime();
    if (runtime != null && runtime.getEnv() != null) {
      // The operator's own settings win: a variable of the same name from the spec is left out, not appended after
      // them (of two, the container gets the last). The schema and EnvNotAllowed refuse such an env for the runtime
      // already; this holds whatever gets past them.
      Set<String> own = env.stream().map(EnvVar::getName).collect(Collectors.toUnmodifiableSet());
      runtime.getEnv().stream().filter(e -> !own.contains(e.getName())).forEach(env::add);
    }
    return env;
  }

  /** An empty value is left out, as the API server stores it, so the applied and the read-back pod templates match. */
  private static EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value.isEmpty() ? null : value).build();
  }

  private static Probe probe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet().withPath(path).withPort(new IntOrString(RuntimeContract.PORT_NAME)).endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withFailureThreshold(failureThreshold)
        .withTimeoutSeconds(2)
        .build();
  }

  private static String readinessPath(RuntimeSpec runtime) {
    return runtime != null && runtime.getReadinessPath() != null ? runtime.getReadinessPath()
        : RuntimeContract.READINESS_PATH;
  }

  private static String livenessPath(RuntimeSpec runtime) {
    return runtime != null && runtime.getLivenessPath() != null ? runtime.getLivenessPath()
        : RuntimeContract.LIVENESS_PATH;
  }
}
