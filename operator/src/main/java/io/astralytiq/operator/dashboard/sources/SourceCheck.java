package io.astralytiq.operator.dashboard.sources;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DataVolume;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.dashboard.sources.MountedSource.Kind;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the objects a Dashboard mounts, before its pods ask for them: a missing one would keep the pods from
 * starting, a refused one would hand the runtime what is not its to read. Either stops the revision (the last good
 * one keeps running). A claim that exists but is not bound yet is no problem: with a WaitForFirstConsumer
 * StorageClass it binds only once a pod needs it, and the rollout's progress deadline bounds the wait.
 */
public final class SourceCheck {

  /** Reasons of problems with objects that are read, not watched: they are looked up again after a while. */
  public static final Set<String> LOOKED_UP_AGAIN = Set.of(DashboardConditions.REASON_SECRET_NOT_FOUND,
      DashboardConditions.REASON_SECRET_NOT_ALLOWED, DashboardConditions.REASON_SECRET_KEY_MISSING,
      DashboardConditions.REASON_CLAIM_NOT_FOUND);

  private SourceCheck() {}

  /** Every object the Dashboard mounts: its credentials Secrets, then its data volumes in spec order. */
  public static List<MountedSource> sources(Dashboard dashboard, List<String> credentialSecrets) {
    List<MountedSource> sources = new ArrayList<>();
    credentialSecrets.forEach(secret -> sources.add(MountedSource.credentials(secret)));
    List<DataVolume> volumes = dashboard.getSpec().getDataVolumes() == null ? List.of()
        : dashboard.getSpec().getDataVolumes();
    for (int i = 0; i < volumes.size(); i++) {
      sources.add(dataVolume(volumes.get(i), "spec.dataVolumes[" + i + "] " + volumes.get(i).getName()
          + ", mounted at " + volumes.get(i).getMountPath()));
    }
    // A Secret read into an environment variable is as much the pod's as a mounted one, and any image can show it.
    List<EnvVar> env = dashboard.getSpec().getRuntime() == null || dashboard.getSpec().getRuntime().getEnv() == null
        ? List.of() : dashboard.getSpec().getRuntime().getEnv();
    for (int i = 0; i < env.size(); i++) {
      EnvVar var = env.get(i);
      if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
        sources.add(new MountedSource(Kind.Secret, var.getValueFrom().getSecretKeyRef().getName(),
            "spec.runtime.env[" + i + "] " + var.getName() + ", from its key "
                + var.getValueFrom().getSecretKeyRef().getKey(), false));
      }
    }
    return sources;
  }

  public static List<Outcome> check(Dashboard dashboard, List<MountedSource> sources, ObservedSources observed,
      Collection<Dashboard> namespaceDashboards) {
    String namespace = dashboard.getMetadata().getNamespace();
    List<Outcome> problems = new ArrayList<>();
    for (MountedSource source : sources) {
      Optional<Outcome> problem = switch (source.kind()) {
        case ConfigMap -> observed.configMaps().contains(source.name()) ? Optional.empty()
            : Optional.of(notFound(DashboardConditions.REASON_CONFIG_MAP_NOT_FOUND, source, namespace));
        case PersistentVolumeClaim -> observed.claims().contains(source.name()) ? Optional.empty()
            : Optional.of(notFound(DashboardConditions.REASON_CLAIM_NOT_FOUND, source, namespace));
        case Secret -> secret(source, observed.secrets().get(source.name()), dashboard, namespaceDashboards);
      };
      problem.ifPresent(problems::add);
    }
    return List.copyOf(problems);
  }

  private static Optional<Outcome> secret(MountedSource source, Secret secret, Dashboard dashboard,
      Collection<Dashboard> namespaceDashboards) {
    if (secret == null) {
      return Optional.of(notFound(DashboardConditions.REASON_SECRET_NOT_FOUND, source,
          dashboard.getMetadata().getNamespace()));
    }
    Optional<String> refusal = SecretRules.refusal(secret, source, dashboard, namespaceDashboards);
    if (refusal.isPresent()) {
      return Optional.of(problem(DashboardConditions.REASON_SECRET_NOT_ALLOWED,
          source.described() + " may not be mounted: it " + refusal.get()));
    }
    List<String> missing = source.credentials() ? SecretRules.missingCredentialKeys(secret) : List.of();
    return missing.isEmpty() ? Optional.empty() : Optional.of(problem(
        DashboardConditions.REASON_SECRET_KEY_MISSING, source.described() + " has no key " + String.join(" or ",
            missing) + "; the runtime reads " + RuntimeContract.USERNAME_KEY + " and " + RuntimeContract.PASSWORD_KEY));
  }

  private static MountedSource dataVolume(DataVolume volume, String field) {
    if (volume.getConfigMap() != null) {
      return new MountedSource(Kind.ConfigMap, volume.getConfigMap().getName(), field, false);
    }
    if (volume.getSecret() != null) {
      return new MountedSource(Kind.Secret, volume.getSecret().getName(), field, false);
    }
    return new MountedSource(Kind.PersistentVolumeClaim, volume.getPersistentVolumeClaim().getName(), field, false);
  }

  private static Outcome notFound(String reason, MountedSource source, String namespace) {
    return problem(reason, source.described() + " does not exist in namespace " + namespace);
  }

  /** A source that keeps the revision from rolling out: Ready=False with the reason. */
  private static Outcome problem(String reason, String message) {
    return Outcome.of(DashboardConditions.READY, false, reason, message);
  }
}
