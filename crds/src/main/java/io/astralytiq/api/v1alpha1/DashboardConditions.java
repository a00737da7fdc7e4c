package io.astralytiq.api.v1alpha1;

/** Condition types and reasons of a Dashboard's status. Reasons are CamelCase, as Kubernetes conventions ask. */
public final class DashboardConditions {

  public static final String READY = "Ready";
  public static final String AVAILABLE = "Available";
  public static final String PROGRESSING = "Progressing";
  public static final String ROLLED_BACK = "RolledBack";
  /** Whether the alerts in spec.alerts are served as a PrometheusRule; False names the alert that is wrong. */
  public static final String ALERTS_READY = "AlertsReady";
  /**
   * Whether the image carries a cosign signature by a key the tenant trusts (Tenant spec.imagePolicy), checked in
   * the registry, and runs by the digest that was verified. Present only when a signature is required.
   */
  public static final String IMAGE_VERIFIED = "ImageVerified";
  /**
   * kstatus's conditions (Flux, kpt): True while a revision rolls out. Its reason, when True, is Ready's; when
   * False, the phase.
   */
  public static final String RECONCILING = "Reconciling";
  /** kstatus's: True when only a change to the spec helps (rolled back, refused, failed). Reasons as Reconciling's. */
  public static final String STALLED = "Stalled";

  // Reasons of Ready
  public static final String REASON_READY = "RolledOut";
  public static final String REASON_PROGRESSING = "RollingOut";
  public static final String REASON_SUSPENDED = "Suspended";
  public static final String REASON_HOST_CONFLICT = "HostConflict";
  /**
   * The API server refused a child the operator applied (invalid, forbidden by an admission policy or a quota): the
   * message names the child and quotes the API server; a refused Deployment leaves the last good one running.
   */
  public static final String REASON_CHILD_REFUSED = "ChildRefused";
  /**
   * The runtime is up, but its host is not served as spec.ingress.tls asks: TLSReady is False for a reason only a
   * change fixes (a Secret missing or invalid, an expired certificate, no issuer), named in the message.
   */
  public static final String REASON_TLS_NOT_READY = "TLSNotReady";
  public static final String REASON_DEFINITION_NOT_FOUND = "DefinitionNotFound";
  public static final String REASON_DEFINITION_INVALID = "DefinitionInvalid";
  /**
   * A definition held in a ConfigMap (spec.definitionRef) that parses but that the runtime would refuse: the shared
   * DefinitionValidator names every problem, and nothing is rolled out.
   */
  public static final String REASON_DEFINITION_REFUSED = "DefinitionRefused";
  public static final String REASON_SECRET_NOT_FOUND = "SecretNotFound";
  /** A Secret the dashboard may not mount: a TLS Secret of a dashboard, a service-account token, another's. */
  public static final String REASON_SECRET_NOT_ALLOWED = "SecretNotAllowed";
  /** A JDBC dataset's credentials Secret without the username or password key. */
  public static final String REASON_SECRET_KEY_MISSING = "SecretKeyMissing";
  /** A dataset's host is a Service in a namespace the Dashboard's tenant does not hold: egress there stays closed. */
  public static final String REASON_EGRESS_NOT_ALLOWED = "EgressNotAllowed";
  /** A ConfigMap of spec.dataVolumes that does not exist. */
  public static final String REASON_CONFIG_MAP_NOT_FOUND = "ConfigMapNotFound";
  /** A PersistentVolumeClaim of spec.dataVolumes that does not exist. */
  public static final String REASON_CLAIM_NOT_FOUND = "PersistentVolumeClaimNotFound";
  public static final String REASON_INVALID_IMAGE = "InvalidImage";
  /**
   * spec.runtime.env sets a variable other than TZ for dashboard-runtime named by its image: the schema's rule
   * sees only an unset image, so the operator refuses the rest, and nothing is rolled out.
   */
  public static final String REASON_ENV_NOT_ALLOWED = "EnvNotAllowed";
  public static final String REASON_PODS_NOT_CREATED = "PodsNotCreated";
  // Reasons of ImageVerified (and of Ready when Enforce stops a revision for them)
  /** The image's digest carries a signature by a trusted key; the pods run that digest. */
  public static final String REASON_SIGNATURE_VERIFIED = "SignatureVerified";
  /** The registry is asked; the revision waits for the answer (a cached one needs no asking). */
  public static final String REASON_VERIFICATION_PENDING = "VerificationPending";
  /** The image's digest has no cosign signature (no sha256-HEX.sig manifest in its repository). */
  public static final String REASON_SIGNATURE_MISSING = "SignatureMissing";
  /** A signature is there, well-formed, but made by none of the trusted keys. */
  public static final String REASON_SIGNATURE_UNTRUSTED = "SignatureUntrusted";
  /** A signature that does not hold: its payload names another digest, or bytes differ from their digests. */
  public static final String REASON_SIGNATURE_INVALID = "SignatureInvalid";
  /** The image's tag or repository is not in the registry. */
  public static final String REASON_IMAGE_NOT_FOUND = "ImageNotFound";
  /** The registry did not answer in time, or answered with an error: asked again with backoff. */
  public static final String REASON_REGISTRY_UNREACHABLE = "RegistryUnreachable";
  /**
   * A trusted key that cannot be used: its Secret or key is missing, it is not a PEM public key, or the operator
   * has no key for its own runtime image; the message says which.
   */
  public static final String REASON_TRUSTED_KEY_INVALID = "TrustedKeyInvalid";
  /** An image pull Secret of spec.runtime.imagePullSecrets that is missing or not a dockerconfigjson Secret. */
  public static final String REASON_PULL_SECRET_INVALID = "PullSecretInvalid";
  // Reasons of Available and Progressing
  public static final String REASON_MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
  public static final String REASON_MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";
  public static final String REASON_NEW_REVISION_AVAILABLE = "NewRevisionAvailable";
  public static final String REASON_PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
  public static final String REASON_SCALED_TO_ZERO = "ScaledToZero";
  // Reasons of RolledBack (and of Ready while rolled back)
  public static final String REASON_ROLLED_BACK = "RolledBack";
  public static final String REASON_CURRENT_REVISION = "CurrentRevision";
  public static final String REASON_RESTORED = "RestoredByUser";
  public static final String REASON_REVISION_NOT_FOUND = "RevisionNotFound";
  // Causes of a failed revision: the reason of Ready while it fails, and of RolledBack once it is rolled back.
  /** dashboard-runtime's readiness endpoint answered RuntimeContract.DEFINITION_UNUSABLE_STATUS. */
  public static final String REASON_DEFINITION_UNUSABLE = "DefinitionUnusable";
  /** A pod of the revision in phase Failed (evicted, say); the pod's own reason is in the message. */
  public static final String REASON_POD_FAILED = "PodFailed";
  // The kubelet's names for a container that cannot start or stay up, passed on as they are: users search for them.
  /** Also a container restarted twice, whether or not the kubelet is backing off yet. */
  public static final String REASON_CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
  public static final String REASON_ERR_IMAGE_PULL = "ErrImagePull";
  public static final String REASON_IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
  public static final String REASON_INVALID_IMAGE_NAME = "InvalidImageName";
  public static final String REASON_CREATE_CONTAINER_ERROR = "CreateContainerError";
  public static final String REASON_CREATE_CONTAINER_CONFIG_ERROR = "CreateContainerConfigError";
  public static final String REASON_RUN_CONTAINER_ERROR = "RunContainerError";

  // Reasons of AlertsReady
  public static final String REASON_ALERTS_APPLIED = "AlertsApplied";
  public static final String REASON_ALERT_INVALID = "AlertInvalid";
  public static final String REASON_NO_ALERTS = "NoAlerts";
  public static final String REASON_PROMETHEUS_OPERATOR_NOT_INSTALLED = "PrometheusOperatorNotInstalled";

  // TLSReady: whether the ingress serves a valid certificate for the host. When False for a reason other than plain
  // HTTP on purpose (TLSDisabled), a certificate on its way (CertificatePending) or one about to be replaced
  // (CertificateExpiringSoon), Ready is False too (TLSNotReady): a dashboard its users cannot reach as asked is not
  // ready, for kstatus and Argo CD either.
  public static final String TLS_READY = "TLSReady";
  public static final String REASON_CERTIFICATE_ISSUED = "CertificateIssued";
  public static final String REASON_CERTIFICATE_PENDING = "CertificatePending";
  public static final String REASON_CERT_MANAGER_NOT_INSTALLED = "CertManagerNotInstalled";
  public static final String REASON_TLS_DISABLED = "TLSDisabled";
  public static final String REASON_ISSUER_NOT_SET = "IssuerNotSet";
  /** tls.mode Operator while the operator's CA cannot be read or stored (its namespace missing, say). */
  public static final String REASON_CA_UNAVAILABLE = "CertificateAuthorityUnavailable";
  // tls.mode Secret: the checks of the user's Secret, in the order a user would fix things.
  public static final String REASON_SECRET_VALID = "SecretValid";
  public static final String REASON_SECRET_WRONG_TYPE = "SecretWrongType";
  public static final String REASON_SECRET_INVALID = "SecretInvalid";
  public static final String REASON_HOST_NOT_COVERED = "HostNotCovered";
  /** Expired, or not valid yet. */
  public static final String REASON_CERTIFICATE_EXPIRED = "CertificateExpired";
  /** Still served, but TLSReady is False until it is replaced. */
  public static final String REASON_CERTIFICATE_EXPIRING_SOON = "CertificateExpiringSoon";

  private DashboardConditions() {}
}
