package io.astralytiq.api.runtime;

import java.util.List;

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
   * The two keys of a JDBC dataset's credentials Secret the runtime reads, each a file under
   * {@code SECRETS_DIR/<secret>/}; the operator mounts exactly these (Secret volume items), never the whole Secret.
   */
  public static final String USERNAME_KEY = "username";
  public static final String PASSWORD_KEY = "password";

  /**
   * Directory the Dashboard's data volumes are mounted under; a file dataset's path must lie below it (the schema
   * and the runtime check), so no dataset can name the credentials or any other file of the container.
   */
  public static final String DATA_DIR = "/data";
  /** Environment variable (Spring property astralytiq.datasets.roots) naming the directories datasets may read. */
  public static final String DATA_ROOTS_ENV = "ASTRALYTIQ_DATA_ROOTS";

  /**
   * Environment variable with the address ranges URL datasets may not reach, comma separated: the cluster's pod
   * and service CIDRs. Unset, the runtime refuses {@link #PRIVATE_RANGES}; loopback and link-local are refused
   * either way. Set but empty, it refuses no range: the operator always sets it to something.
   */
  public static final String EGRESS_BLOCKED_CIDRS_ENV = "ASTRALYTIQ_EGRESS_BLOCKED_CIDRS";
  /**
   * Every private range (RFC 1918, carrier-grade NAT, IPv6 unique local): what the runtime refuses when it is not
   * told the cluster's ranges (its application.yaml default, which a test keeps equal to this).
   */
  public static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
      "100.64.0.0/10", "fc00::/7");
  /** Environment variable with host names URL datasets may reach even inside the blocked ranges, comma separated. */
  public static final String EGRESS_ALLOWED_HOSTS_ENV = "ASTRALYTIQ_EGRESS_ALLOWED_HOSTS";

  /**
   * The one environment variable a Dashboard may give the runtime, its time zone: the runtime reads its settings,
   * limits and sandbox from its environment (Spring, JAVA_TOOL_OPTIONS), and those are the operator's to set. The
   * schema refuses any other while spec.runtime.image is unset; the operator refuses them whenever the image is the
   * runtime's, however the Dashboard names it.
   */
  public static final String USER_ENV = "TZ";

  /**
   * Sign-in (docs/access.md): the OpenID Connect issuer URL. Unset or empty, the runtime has no access control (a
   * local run, the tests that predate it); the operator sets it for the dashboards it deploys.
   */
  public static final String ACCESS_ISSUER_ENV = "ASTRALYTIQ_ACCESS_ISSUER";
  /** The dashboard's client id at the provider; also the audience bearer tokens must carry unless set apart. */
  public static final String ACCESS_CLIENT_ID_ENV = "ASTRALYTIQ_ACCESS_CLIENT_ID";
  /** The audience bearer tokens must carry, when it is not the client id. */
  public static final String ACCESS_AUDIENCE_ENV = "ASTRALYTIQ_ACCESS_AUDIENCE";
  /** Path of the file holding the client secret; the secret itself is never in the environment. */
  public static final String ACCESS_CLIENT_SECRET_FILE_ENV = "ASTRALYTIQ_ACCESS_CLIENT_SECRET_FILE";
  /** Where the operator mounts the client secret's Secret (one key, {@link #ACCESS_CLIENT_SECRET_KEY}). */
  public static final String ACCESS_SECRET_DIR = "/var/run/secrets/astralytiq-access";
  public static final String ACCESS_CLIENT_SECRET_KEY = "client-secret";
  /**
   * The allowed principals and their roles, comma separated: {@code group:<name>=<role>} or
   * {@code user:<name>=<role>}, role viewer, editor or admin, from the Tenant's members or the Dashboard's access.
   */
  public static final String ACCESS_MEMBERS_ENV = "ASTRALYTIQ_ACCESS_MEMBERS";

  /**
   * JVM flags the runtime's image must start with: exit on OutOfMemoryError, so the kubelet restarts a process
   * whose heap ran out instead of leaving it half-working and live.
   */
  public static final String JVM_FLAGS = "-XX:+ExitOnOutOfMemoryError";

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
