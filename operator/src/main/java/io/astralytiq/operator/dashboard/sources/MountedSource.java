package io.astralytiq.operator.dashboard.sources;

import io.astralytiq.api.runtime.RuntimeContract;

/**
 * One object the runtime would mount, with the field of the Dashboard that names it.
 *
 * @param kind ConfigMap, Secret or PersistentVolumeClaim
 * @param name the object's name in the Dashboard's namespace
 * @param field where the Dashboard names it, for messages
 * @param credentials whether it is a JDBC dataset's credentials Secret (mounted as two keys only)
 */
public record MountedSource(Kind kind, String name, String field, boolean credentials) {

  /** The kinds of object a Dashboard mounts. */
  public enum Kind { ConfigMap, Secret, PersistentVolumeClaim }

  static MountedSource credentials(String secret) {
    return new MountedSource(Kind.Secret, secret, "credentials of a jdbc dataset, mounted under "
        + RuntimeContract.SECRETS_DIR, true);
  }

  String described() {
    return kind + " " + name + " (" + field + ")";
  }
}
