package io.astralytiq.operator.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The operator's settings, parsed once at start-up from the environment and, when ASTRALYTIQ_CONFIG names one,
 * a properties file with the same keys (the environment wins). Invalid values stop the start with a message.
 *
 * @param watchNamespaces namespaces whose Dashboards are reconciled; empty means all
 * @param runtimeImage image of dashboard-runtime, used when a Dashboard names no image
 * @param reconcileConcurrency reconciliations run at once
 * @param resyncPeriod longest time between two reconciliations of an unchanged resource
 * @param ingressNamespace namespace of the ingress controller, allowed through dashboards' NetworkPolicies
 * @param monitoringNamespace namespace of Prometheus, allowed through to scrape metrics
 * @param dnsNamespace namespace of the cluster's DNS servers, which dashboards' NetworkPolicies let them reach
 * @param leaderElectionNamespace namespace of the leader-election Lease; empty disables leader election
 * @param healthPort port of the operator's health and metrics endpoint
 * @param allowUnmanagedNamespaces whether Dashboards in namespaces of no Tenant run (default: they are refused)
 * @param runbookBaseUrl page the alert rules' runbook_url annotations point into (one anchor per alert type)
 * @param scrapeInterval how often Prometheus scrapes a runtime (ServiceMonitors; the shortest alert window is two)
 * @param monitoringLabels labels every ServiceMonitor and PrometheusRule carries, for Prometheus' selectors
 * @param operatorNamespace namespace the operator runs in, where it keeps its own CA
 * @param caSecretName Secret holding the operator's CA (tls.mode Operator)
 * @param tlsPolicy lifetimes of the operator's CA and certificates, and when a user's certificate is near its end
 * @param runtimeEgress the address ranges dashboard-runtime's URL datasets may not reach, and the hosts they may
 * @param imageTrust how image signatures are read and checked, and the keys of the operator's own runtime image
 */
public record OperatorConfig(
    Set<String> watchNamespaces,
    String runtimeImage,
    int reconcileConcurrency,
    Duration resyncPeriod,
    String ingressNamespace,
    String monitoringNamespace,
    String dnsNamespace,
    String leaderElectionNamespace,
    int healthPort,
    boolean allowUnmanagedNamespaces,
    String runbookBaseUrl,
    Duration scrapeInterval,
    Map<String, String> monitoringLabels,
    String operatorNamespace,
    String caSecretName,
    TlsPolicy tlsPolicy,
    RuntimeEgress runtimeEgress,
    ImageTrust imageTrust) {

  /** The runtime of this release: its tag is the project version (ReleaseVersionsTest, hack/release version). */
  public static final String DEFAULT_RUNTIME_IMAGE = "ghcr.io/astralytiq/dashboard-runtime:0.1.0-SNAPSHOT";
  /** docs/alerts.md in the project's repository: one section per alert type. */
  public static final String DEFAULT_RUNBOOK_BASE_URL = "https://github.com/astralytiq/astralytiq/blob/main/docs/alerts.md";
  /** Where a pod finds its own namespace. */
  private static final Path POD_NAMESPACE_FILE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  public static OperatorConfig fromEnvironment() {
    Map<String, String> settings = new HashMap<>();
    String file = System.getenv("ASTRALYTIQ_CONFIG");
    if (file != null && !file.isBlank()) {
      settings.putAll(readFile(Path.of(file)));
    }
    settings.putAll(System.getenv());
    return from(settings);
  }

  /** Parses settings keyed as the environment variables are (WATCH_NAMESPACES, RUNTIME_IMAGE, ...). */
  public static OperatorConfig from(Map<String, String> settings) {
    Settings s = new Settings(settings);
    return new OperatorConfig(
        s.set("WATCH_NAMESPACES"),
        s.string("RUNTIME_IMAGE", DEFAULT_RUNTIME_IMAGE),
        s.positiveInt("RECONCILE_CONCURRENCY", 10),
        s.duration("RESYNC_PERIOD", Duration.ofMinutes(10)),
        s.string("INGRESS_NAMESPACE", "ingress-nginx"),
        s.string("MONITORING_NAMESPACE", "monitoring"),
        s.string("DNS_NAMESPACE", "kube-system"),
        s.string("LEADER_ELECTION_NAMESPACE", ""),
        s.positiveInt("HEALTH_PORT", 8081),
        s.bool("ALLOW_UNMANAGED_NAMESPACES", false),
        s.string("RUNBOOK_BASE_URL", DEFAULT_RUNBOOK_BASE_URL),
        s.duration("SCRAPE_INTERVAL", Duration.ofSeconds(30)),
        s.labels("MONITORING_LABELS"),
        s.string("OPERATOR_NAMESPACE", podNamespace()),
        s.string("CA_SECRET_NAME", "astralytiq-operator-ca"),
        new TlsPolicy(s.duration("CA_LIFETIME", TlsPolicy.DEFAULTS.caLifetime()),
            s.duration("CERTIFICATE_LIFETIME", TlsPolicy.DEFAULTS.leafLifetime()),
            s.duration("CA_ROTATION_OVERLAP", TlsPolicy.DEFAULTS.rotationOverlap()),
            TlsPolicy.DEFAULTS.clockSkew(),
            s.duration("CERTIFICATE_EXPIRY_WARNING", TlsPolicy.DEFAULTS.expiryWarning())),
        new RuntimeEgress(s.list("CLUSTER_CIDRS"), s.list("EGRESS_ALLOWED_HOSTS")),
        new ImageTrust(s.string("RUNTIME_IMAGE_PUBLIC_KEYS", ImageTrust.DEFAULTS.runtimeImageKeys()),
            s.labels("REGISTRY_ENDPOINTS"),
            s.duration("REGISTRY_TIMEOUT", ImageTrust.DEFAULTS.registryTimeout()),
            s.duration("IMAGE_TAG_LIFETIME", ImageTrust.DEFAULTS.tagLifetime()),
            s.duration("IMAGE_VERIFICATION_LIFETIME", ImageTrust.DEFAULTS.resultLifetime())));
  }

  /** The namespace of the pod the operator runs in; outside a cluster, the namespace the chart installs to. */
  private static String podNamespace() {
    try {
      return Files.isReadable(POD_NAMESPACE_FILE) ? Files.readString(POD_NAMESPACE_FILE).strip() : "astralytiq-system";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + POD_NAMESPACE_FILE, e);
    }
  }

  public boolean watchesAllNamespaces() {
    return watchNamespaces.isEmpty();
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ASTRALYTIQ_CONFIG file " + file, e);
    }
    Map<String, String> values = new HashMap<>();
    properties.forEach((key, value) -> values.put(key.toString(), value.toString()));
    return values;
  }

  private record Settings(Map<String, String> values) {

    String string(String key, String fallback) {
      String value = values.get(key);
      return value == null || value.isBlank() ? fallback : value.strip();
    }

    Set<String> set(String key) {
      return Set.copyOf(list(key));
    }

    /** "a,b,c" in its order, blanks left out. */
    List<String> list(String key) {
      return Arrays.stream(string(key, "").split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** "key=value,key=value" */
    Map<String, String> labels(String key) {
      Map<String, String> labels = new java.util.TreeMap<>();
      for (String pair : set(key)) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException(key + " must be key=value pairs separated by commas, not '" + pair + "'");
        }
        labels.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
      return Map.copyOf(labels);
    }

    boolean bool(String key, boolean fallback) {
      String value = string(key, Boolean.toString(fallback)).toLowerCase(java.util.Locale.ROOT);
      if (!value.equals("true") && !value.equals("false")) {
        throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
      }
      return Boolean.parseBoolean(value);
    }

    int positiveInt(String key, int fallback) {
      String value = string(key, Integer.toString(fallback));
      try {
        int parsed = Integer.parseInt(value);
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(key + " must be a positive whole number, not '" + value + "'");
    }

    Duration duration(String key, Duration fallback) {
      String value = string(key, "");
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        return upper.endsWith("D") ? Duration.ofDays(Long.parseLong(upper.substring(0, upper.length() - 1)))
            : Duration.parse("PT" + upper);
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be a duration such as 30s, 10m, 1h or 90d, not '" + value
            + "'", e);
      }
    }
  }
}
