package io.astralytiq.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

  @Test
  void defaultsWatchEveryNamespaceWithTheReleasedRuntime() {
    OperatorConfig config = OperatorConfig.from(Map.of());

    assertThat(config.watchesAllNamespaces()).isTrue();
    assertThat(config.runtimeImage()).isEqualTo(OperatorConfig.DEFAULT_RUNTIME_IMAGE);
    assertThat(config.resyncPeriod()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.leaderElectionNamespace()).isEmpty();
  }

  @Test
  void readsListsAndDurations() {
    OperatorConfig config = OperatorConfig.from(Map.of("WATCH_NAMESPACES", "acme, globex ,", "RESYNC_PERIOD", "90s",
        "RECONCILE_CONCURRENCY", "25"));

    assertThat(config.watchNamespaces()).containsExactlyInAnyOrder("acme", "globex");
    assertThat(config.resyncPeriod()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.reconcileConcurrency()).isEqualTo(25);
  }

  @Test
  void badValuesSayWhichSettingAndWhatIsExpected() {
    assertThatThrownBy(() -> OperatorConfig.from(Map.of("RECONCILE_CONCURRENCY", "many")))
        .hasMessage("RECONCILE_CONCURRENCY must be a positive whole number, not 'many'");
    assertThatThrownBy(() -> OperatorConfig.from(Map.of("RESYNC_PERIOD", "ten minutes")))
        .hasMessageStartingWith("RESYNC_PERIOD must be a duration such as 30s, 10m, 1h or 90d");
    assertThatThrownBy(() -> OperatorConfig.from(Map.of("MONITORING_LABELS", "release")))
        .hasMessageStartingWith("MONITORING_LABELS must be key=value pairs");
    assertThatThrownBy(() -> OperatorConfig.from(Map.of("CA_LIFETIME", "30d", "CA_ROTATION_OVERLAP", "20d")))
        .hasMessageContaining("rotationOverlap");
  }

  @Test
  void certificateLifetimesAndMonitoringLabelsAreRead() {
    OperatorConfig config = OperatorConfig.from(Map.of("CERTIFICATE_LIFETIME", "30d", "CA_LIFETIME", "2h",
        "CA_ROTATION_OVERLAP", "10m", "MONITORING_LABELS", "release=prom, team = data"));

    assertThat(config.tlsPolicy().leafLifetime()).isEqualTo(Duration.ofDays(30));
    assertThat(config.tlsPolicy().caLifetime()).isEqualTo(Duration.ofHours(2));
    assertThat(config.tlsPolicy().rotationOverlap()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.monitoringLabels()).containsExactlyInAnyOrderEntriesOf(Map.of("release", "prom", "team", "data"));
  }

  @Test
  void theRuntimeIsToldTheClusterRangesOrEveryPrivateRangeWithoutThem() {
    RuntimeEgress egress = OperatorConfig.from(Map.of("CLUSTER_CIDRS", "10.244.0.0/16, 10.96.0.0/12,FD00::/108",
        "EGRESS_ALLOWED_HOSTS", "Minio.Storage.svc , data.example.com")).runtimeEgress();

    assertThat(egress.blockedCidrs()).containsExactly("10.244.0.0/16", "10.96.0.0/12", "fd00::/108");
    assertThat(egress.allowedHosts()).containsExactly("minio.storage.svc", "data.example.com");
    assertThat(OperatorConfig.from(Map.of()).runtimeEgress().blockedCidrs()).isEqualTo(RuntimeContract.PRIVATE_RANGES);
    assertThat(OperatorConfig.from(Map.of()).runtimeEgress().allowedHosts()).isEmpty();
  }

  @Test
  void aClusterRangeMustBeAnAddressAndAPrefixNeverANameToLookUp() {
    for (String bad : List.of("10.244.0.0", "10.244.0.0/33", "300.1.1.0/24", "cafe/16", "fd00::/129", "1:2:3/64",
        "pods.example.com/16")) {
      assertThatThrownBy(() -> OperatorConfig.from(Map.of("CLUSTER_CIDRS", bad))).as(bad)
          .hasMessageStartingWith("CLUSTER_CIDRS must be address ranges such as 10.244.0.0/16");
    }
    assertThatThrownBy(() -> OperatorConfig.from(Map.of("EGRESS_ALLOWED_HOSTS", "https://data.example.com")))
        .hasMessageStartingWith("EGRESS_ALLOWED_HOSTS must be host names");
  }

  /** Without the cluster's ranges the operator passes the private ones: the same the runtime refuses unset. */
  @Test
  void thePrivateRangesAreTheRuntimesOwnDefault() throws IOException {
    String settings = Files.readString(Project.root().resolve("dashboard-runtime/src/main/resources/application.yaml"));

    assertThat(settings).contains("${" + RuntimeContract.EGRESS_BLOCKED_CIDRS_ENV + ":"
        + String.join(",", RuntimeContract.PRIVATE_RANGES) + "}");
  }
}
