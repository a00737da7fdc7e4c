package io.astralytiq.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Command;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schema that values.yaml generates refuses what the hand-written one it replaced refused and accepts what it
 * accepted (test resources chart-values/handwritten), as the pinned helm checks values: each sample is set with
 * {@code --set-json} over a chart's defaults. Each chart is only its values and schema, so that the templates do not
 * take part.
 */
class ValuesSchemaIT {

  private static final String REFUSED = "values don't meet the specifications of the schema";
  /** 64 characters, one more than a label may have. */
  private static final String A64 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  @TempDir
  static Path charts;

  private static Helm helm;
  private static Path generated;
  private static Path handwritten;

  @BeforeAll
  static void writeCharts() throws IOException {
    helm = Helm.pinned();
    generated = chart("generated");
    Files.copy(Helm.CHART.resolve("values.yaml"), generated.resolve("values.yaml"));
    Files.copy(Helm.CHART.resolve("values.schema.json"), generated.resolve("values.schema.json"));
    handwritten = chart("handwritten");
    for (String file : List.of("values.yaml", "values.schema.json")) {
      try (InputStream in = Objects.requireNonNull(ValuesSchemaIT.class.getResourceAsStream(
          "/chart-values/handwritten/" + file))) {
        Files.copy(in, handwritten.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "replicaCount | 2",
      "nameOverride | `\"aq\"`",
      "image.digest | `\"sha256:" + A64 + "\"`",
      "image.pullPolicy | `\"Always\"`",
      "imagePullSecrets | `[\"regcred\", \"pull.example.com\"]`",
      "operator.watchNamespaces | `[\"acme\", \"globex-analytics\"]`",
      "operator.reconcileConcurrency | 1",
      "operator.resyncPeriod | `\"1h30m\"`",
      "operator.ingressNamespace | `\"traefik\"`",
      "operator.clusterCidrs | `[\"10.244.0.0/16\", \"fd00::/108\"]`",
      "operator.egressAllowedHosts | `[\"minio.storage.svc\"]`",
      "operator.allowUnmanagedNamespaces | true",
      "operator.runbookBaseUrl | `\"https://wiki.example.com/rb\"`",
      "operator.scrapeInterval | `\"1m30s\"`",
      "operator.monitoringLabels | `{\"release\": \"prom\"}`",
      "operator.caSecretName | `\"our.ca\"`",
      "operator.healthPort | 65535",
      "leaderElection.enabled | true",
      "resources | `{\"requests\": {\"cpu\": 0.5, \"memory\": \"1Gi\", \"ephemeral-storage\": \"2Gi\"},"
          + " \"limits\": {\"cpu\": \"2\", \"memory\": 1073741824}}`",
      "podSecurityContext | `{\"fsGroup\": 2000, \"fsGroupChangePolicy\": \"OnRootMismatch\", \"supplementalGroups\":"
          + " [3000], \"seccompProfile\": {\"type\": \"Localhost\", \"localhostProfile\": \"p.json\"},"
          + " \"appArmorProfile\": {\"type\": \"RuntimeDefault\"}, \"seLinuxOptions\": {\"level\": \"s0:c1\"}}`",
      "securityContext | `{\"privileged\": false, \"runAsUser\": 1001, \"runAsGroup\": 1001, \"capabilities\":"
          + " {\"add\": [\"NET_BIND_SERVICE\"], \"drop\": [\"ALL\"]}, \"seccompProfile\": {\"type\": \"Unconfined\"}}`",
      "tolerations | `[{\"key\": \"dedicated\", \"operator\": \"Equal\", \"value\": \"ops\", \"effect\": \"NoSchedule\"},"
          + " {\"operator\": \"Exists\", \"effect\": \"NoExecute\", \"tolerationSeconds\": 60}]`",
      "nodeSelector | `{\"pool\": \"system\"}`",
      "podAnnotations | `{\"team\": \"analytics\"}`",
      "metricsService.annotations | `{\"prometheus.io/scrape\": \"true\"}`",
      "serviceAccount.name | `\"aq\"`",
      "priorityClassName | `\"system-cluster-critical\"`",
  })
  void bothSchemasAccept(String key, String json) {
    for (Path chart : List.of(handwritten, generated)) {
      Command.Result result = template(chart, key, json);
      assertThat(result.exitCode()).as(chart.getFileName() + ": " + result.stderr()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "replicaCont | 2",
      "replicaCount | `\"two\"`",
      "replicaCount | 0",
      "nameOverride | `\"" + A64 + "\"`",
      "fullnameOverride | `\"" + A64 + "\"`",
      "image.tags | `\"1.0\"`",
      "image.repository | `\"\"`",
      "image.repository | null",
      "image.digest | `\"sha256:abc\"`",
      "image.pullPolicy | `\"Sometimes\"`",
      "imagePullSecrets | `[\"Reg_Cred\"]`",
      "operator.resyncPeriood | `\"5m\"`",
      "operator.watchNamespaces | `[\"Team_A\"]`",
      "operator.watchNamespaces | `[\"acme\", \"acme\"]`",
      "operator.watchNamespaces | `[\"" + A64 + "\"]`",
      "operator.runtimeImage | 1",
      "operator.reconcileConcurrency | 0",
      "operator.resyncPeriod | `\"10 minutes\"`",
      "operator.resyncPeriod | `\"\"`",
      "operator.ingressNamespace | `\"Ingress\"`",
      "operator.monitoringNamespace | `\"prom_system\"`",
      "operator.dnsNamespace | `\"" + A64 + "\"`",
      "operator.clusterCidrs | `[\"10.96.0.0\"]`",
      "operator.clusterCidrs | `[\"10.96.0.0/12\", \"10.96.0.0/12\"]`",
      "operator.egressAllowedHosts | `[\"https://data.example.com\"]`",
      "operator.allowUnmanagedNamespaces | `\"yes\"`",
      "operator.runbookBaseUrl | `\"ftp://wiki.example.com\"`",
      "operator.scrapeInterval | `\"30\"`",
      "operator.monitoringLabels | `{\"release\": 1}`",
      "operator.caSecretName | `\"Our-CA\"`",
      "operator.caSecretName | `\"" + A64 + A64 + A64 + A64 + "\"`",
      "operator.healthPort | 80",
      "operator.healthPort | 65536",
      "operator.jvmOptions | 1",
      "leaderElection.enable | true",
      "resources.request | `{\"cpu\": \"1\"}`",
      "resources.requests.gpu | `\"1\"`",
      "resources.limits.memory | `\"lots\"`",
      "resources.limits.cpu | -1",
      "podSecurityContext.runAsNonroot | true",
      "podSecurityContext.runAsUser | -1",
      "podSecurityContext.fsGroupChangePolicy | `\"Sometimes\"`",
      "podSecurityContext.supplementalGroups | `[-1]`",
      "podSecurityContext.seccompProfile.type | `\"Default\"`",
      "podSecurityContext.seLinuxOptions.category | `\"c1\"`",
      "securityContext.readOnlyRootFileSystem | true",
      "securityContext.privileged | `\"no\"`",
      "securityContext.capabilities.keep | `[\"ALL\"]`",
      "securityContext.capabilities.add | `[1]`",
      "securityContext.appArmorProfile.type | `\"Enforce\"`",
      "securityContext.procMount | `\"Unmasked\"`",
      "tolerations | `[{\"key\": \"dedicated\", \"operator\": \"In\"}]`",
      "tolerations | `[{\"effect\": \"NoRun\"}]`",
      "tolerations | `[{\"tolerationSeconds\": -1}]`",
      "tolerations | `[{\"keys\": \"dedicated\"}]`",
      "tolerations | `[\"dedicated\"]`",
      "podAnnotations | `{\"team\": 1}`",
      "podLabels | `{\"critical\": true}`",
      "nodeSelector | `{\"pool\": 1}`",
      "priorityClassName | 1",
      "metricsService.enabled | `\"yes\"`",
      "metricsService.port | 8081",
      "metricsService.annotations | `{\"scrape\": true}`",
      "serviceAccount.create | `\"no\"`",
      "serviceAccount.automount | true",
      "serviceAccount.annotations | `[\"role\"]`",
      "rbac.create | `\"no\"`",
      "rbac.enabled | true",
  })
  void bothSchemasRefuse(String key, String json) {
    for (Path chart : List.of(handwritten, generated)) {
      Command.Result result = template(chart, key, json);
      assertThat(result.exitCode()).as(chart.getFileName() + " accepts it").isNotZero();
      assertThat(result.stderr()).as(chart.getFileName().toString()).contains(REFUSED);
    }
  }

  @ParameterizedTest(name = "{0}={1}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "crds.enabled | false | true",
      "crds.keep | false | true",
      "crds.enabled | `\"no\"` | false",
      "crds.keeep | true | false",
  })
  void theValuesAddedSinceAreCheckedToo(String key, String json, boolean accepted) {
    Command.Result result = template(generated, key, json);

    assertThat(result.exitCode() == 0).as(result.stderr()).isEqualTo(accepted);
  }

  private static Command.Result template(Path chart, String key, String json) {
    return helm.run("template", "values", chart.toString(), "--set-json", key + "=" + json);
  }

  private static Path chart(String name) throws IOException {
    Path chart = Files.createDirectories(charts.resolve(name));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
    return chart;
  }
}
