package io.astralytiq.api.runtime;

/**
 * What the operator and dashboard-runtime agree on about the runtime's container: where the definition is
 * mounted, the environment that points the runtime at it, the port, the probe paths and what the readiness probe
 * answers. Both sides use these constants so that a change on one side cannot silently break the other.
 */
public final class RuntimeContract {

  /** Port the runtime serves HTTP, probes and metrics on. */
  public static final int HTTP_PORT = 8080;
  /** Name of the container port and of the Service port. */
  public static final String PORT_NAME = "http";

  /** Directory the definition ConfigMap is mounted at, read-only. */
  public static final String DEFINITION_DIR = "/etc/astralytiq/dashboard";
  /** Key of the definition in its ConfigMap, and so the file name under {@link #DEFINITION_DIR}. */
  public static final String DEFINITION_FILE = "dashboard.yaml";
  /** Environment variable (Spring property astralytiq.definition) holding the definition file's path. */
  public static final String DEFINITION_ENV = "ASTRALYTIQ_DEFINITION";

  /** Writable scratch directory (an emptyDir), since the root filesystem is read-only. */
  public static final String TEMP_DIR = "/tmp";
  /** Environment variable (Spring property astralytiq.temp-dir) for the scratch directory. */
  public static final String TEMP_DIR_ENV = "ASTRALYTIQ_TEMP_DIR";
  /** Directory dataset credential Secrets are mounted under, one sub-directory per Secret. */
  public static final String SECRETS_DIR = "/var/run/secrets/astralytiq";
  /**
   * The keys of a JDBC dataset's credentials Secret, and so the files under its directory in {@link #SECRETS_DIR}:
   * the operator mounts these two keys and no other, so a Secret's other keys never reach the pod.
   */
  public static final String USERNAME_KEY = "username";
  public static final String PASSWORD_KEY = "password";
  /** Directory data volumes (spec.dataVolumes) are mounted at or under, read-only. */
  public static final String DATA_DIR = "/data";

  public static final String READINESS_PATH = "/actuator/health/readiness";
  public static final String LIVENESS_PATH = "/actuator/health/liveness";
  public static final String METRICS_PATH = "/actuator/prometheus";

  /**
   * HTTP status of the readiness endpoint when the definition did not load or validate: a fault of the revision
   * that no retry cures, told apart from a dataset that cannot be read yet (503) by the code alone, because the
   * kubelet's probe Event ("Readiness probe failed: HTTP probe failed with statuscode: 422") carries the code and
   * not the body. The operator fails such a rollout at once instead of at its progress deadline.
   */
  public static final int DEFINITION_UNUSABLE_STATUS = 422;

  private RuntimeContract() {}
}
