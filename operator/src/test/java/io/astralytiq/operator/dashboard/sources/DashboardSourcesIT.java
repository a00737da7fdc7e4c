package io.astralytiq.operator.dashboard.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.DataVolume;
import io.astralytiq.api.v1alpha1.DataVolumeSource;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.RunningOperator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a Dashboard mounts, against a real API server: data volumes and credentials Secrets that are missing or may
 * not be mounted become a condition and an Event, and the last good revision keeps running.
 */
class DashboardSourcesIT {

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer();

  @Test
  void aMissingDataConfigMapIsReportedAndPickedUpAsSoonAsItExists() {
    String namespace = operator.namespace("data-configmap");
    operator.client().resource(withVolume(Dashboards.minimal(namespace, "orders"), "orders",
        v -> v.setConfigMap(new DataVolumeSource("orders-csv")))).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "orders", DashboardConditions.READY, "False",
        DashboardConditions.REASON_CONFIG_MAP_NOT_FOUND);
    assertThat(ready.getMessage()).contains("ConfigMap orders-csv (spec.dataVolumes[0] orders");
    assertThat(deployment(namespace, "orders")).as("no pods that could not start").isNull();
    operator.dashboards().awaitEvent(namespace, "orders", "Warning", DashboardConditions.REASON_CONFIG_MAP_NOT_FOUND);

    operator.client().resource(new ConfigMapBuilder().withNewMetadata().withName("orders-csv").withNamespace(namespace)
        .endMetadata().addToData("orders.csv", "day,amount\n2026-01-01,3\n").build()).create();

    Deployment deployment = operator.dashboards().awaitPresent("the Deployment", () -> deployment(namespace, "orders"));
    assertThat(volume(deployment, "orders-csv").getConfigMap().getName()).isEqualTo("orders-csv");
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
        .anySatisfy(m -> {
          assertThat(m.getMountPath()).isEqualTo("/data/orders");
          assertThat(m.getReadOnly()).isTrue();
        });
  }

  @Test
  void aMissingClaimBlocksTheRevisionUntilItExists() {
    String namespace = operator.namespace("data-claim");
    operator.client().resource(withVolume(Dashboards.minimal(namespace, "archive"), "archive",
        v -> v.setPersistentVolumeClaim(new DataVolumeSource("sales-archive")))).create();

    operator.dashboards().awaitCondition(namespace, "archive", DashboardConditions.READY, "False",
        DashboardConditions.REASON_CLAIM_NOT_FOUND);
    operator.client().resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName("sales-archive")
        .withNamespace(namespace).endMetadata().withNewSpec().withAccessModes("ReadOnlyMany").withNewResources()
        .addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build()).create();

    Deployment deployment = operator.dashboards().awaitPresent("the Deployment, though the claim is not bound",
        () -> deployment(namespace, "archive"));
    assertThat(volume(deployment, "sales-archive").getPersistentVolumeClaim().getReadOnly()).isTrue();
  }

  @Test
  void credentialsAreMountedAsTheirTwoKeysOnly() {
    String namespace = operator.namespace("credentials-keys");
    operator.client().resource(secret(namespace, "sales-db").addToStringData("other-database-url", "jdbc:...")
        .build()).create();
    operator.client().resource(withJdbc(Dashboards.minimal(namespace, "sales"), "sales-db")).create();

    Deployment deployment = operator.dashboards().awaitPresent("the Deployment", () -> deployment(namespace, "sales"));

    assertThat(volume(deployment, "sales-db").getSecret().getItems()).extracting(KeyToPath::getKey)
        .containsExactly(RuntimeContract.USERNAME_KEY, RuntimeContract.PASSWORD_KEY);
  }

  @Test
  void anUnlabelledCredentialsSecretIsRefusedUntilItIsLabelled() {
    String namespace = operator.namespace("credentials-label");
    operator.client().resource(secret(namespace, "billing-db").editMetadata().removeFromLabels(Labels.DASHBOARD_DATA)
        .endMetadata().build()).create();
    operator.client().resource(withJdbc(Dashboards.minimal(namespace, "sales"), "billing-db")).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SECRET_NOT_ALLOWED);
    assertThat(ready.getMessage()).contains("Secret billing-db (credentials of a jdbc dataset")
        .contains("kubectl label secret billing-db " + Labels.DASHBOARD_DATA + "=true").doesNotContain("s3cr3t");
    operator.dashboards().awaitEvent(namespace, "sales", "Warning", DashboardConditions.REASON_SECRET_NOT_ALLOWED);
    assertThat(deployment(namespace, "sales")).as("no pod holds the Secret").isNull();

    operator.client().secrets().inNamespace(namespace).withName("billing-db")
        .edit(s -> new SecretBuilder(s).editMetadata().addToLabels(Labels.DASHBOARD_DATA, "true").endMetadata().build());

    Deployment deployment = operator.dashboards().awaitPresent("the Deployment once the Secret is labelled",
        () -> deployment(namespace, "sales"));
    assertThat(volume(deployment, "billing-db").getSecret().getItems()).extracting(KeyToPath::getKey)
        .containsExactly(RuntimeContract.USERNAME_KEY, RuntimeContract.PASSWORD_KEY);
  }

  @Test
  void anUnlabelledSecretReadIntoTheEnvironmentOfAnyImageIsRefused() {
    String namespace = operator.namespace("env-secret");
    operator.client().resource(secret(namespace, "api-token").editMetadata().removeFromLabels(Labels.DASHBOARD_DATA)
        .endMetadata().build()).create();
    Dashboard dashboard = Dashboards.minimal(namespace, "forecast");
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage("registry.acme.io/data/forecast:2.3.1");
    runtime.setEnv(List.of(new EnvVarBuilder().withName("TOKEN").withNewValueFrom().withNewSecretKeyRef()
        .withName("api-token").withKey("password").endSecretKeyRef().endValueFrom().build()));
    dashboard.getSpec().setRuntime(runtime);
    operator.client().resource(dashboard).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "forecast", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SECRET_NOT_ALLOWED);
    assertThat(ready.getMessage()).contains("Secret api-token (spec.runtime.env[0] TOKEN, from its key password)")
        .contains("kubectl label secret api-token").doesNotContain("s3cr3t");
    assertThat(deployment(namespace, "forecast")).as("no pod reads the Secret").isNull();

    operator.client().secrets().inNamespace(namespace).withName("api-token")
        .edit(s -> new SecretBuilder(s).editMetadata().addToLabels(Labels.DASHBOARD_DATA, "true").endMetadata().build());
    Deployment deployment = operator.dashboards().awaitPresent("the Deployment once the Secret is labelled",
        () -> deployment(namespace, "forecast"));
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .filteredOn(e -> "TOKEN".equals(e.getName())).singleElement()
        .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("api-token"));
  }

  @Test
  void aServiceAccountTokenIsRefusedAndTheLastGoodRevisionKeepsRunning() {
    String namespace = operator.namespace("credentials-token");
    operator.client().resource(Dashboards.minimal(namespace, "sales")).create();
    Deployment good = operator.dashboards().awaitPresent("the Deployment", () -> deployment(namespace, "sales"));
    operator.client().serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("builder").endMetadata().build()).create();
    operator.client().resource(secret(namespace, "builder-token").withType(SecretRules.SERVICE_ACCOUNT_TOKEN)
        .editMetadata().addToAnnotations("kubernetes.io/service-account.name", "builder").endMetadata().build())
        .create();

    operator.dashboards().edit(namespace, "sales", d -> withJdbc(d, "builder-token"));

    Condition ready = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SECRET_NOT_ALLOWED);
    assertThat(ready.getMessage()).contains("Secret builder-token").contains("service-account token");
    operator.dashboards().awaitEvent(namespace, "sales", "Warning", DashboardConditions.REASON_SECRET_NOT_ALLOWED);
    assertThat(operator.dashboards().get(namespace, "sales").getStatus().getPhase()).isEqualTo(DashboardPhase.Degraded);
    assertThat(deployment(namespace, "sales").getSpec().getTemplate()).as("the running revision is untouched")
        .isEqualTo(good.getSpec().getTemplate());
  }

  @Test
  void anotherDashboardsTlsSecretIsRefusedAsADataVolume() {
    String namespace = operator.namespace("data-tls");
    operator.client().resource(secret(namespace, "orders-tls").build()).create();
    operator.client().resource(Dashboards.minimal(namespace, "orders")).create();
    operator.client().resource(withVolume(Dashboards.minimal(namespace, "sales"), "certs",
        v -> v.setSecret(new DataVolumeSource("orders-tls")))).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SECRET_NOT_ALLOWED);

    assertThat(ready.getMessage()).contains("Secret orders-tls (spec.dataVolumes[0] certs")
        .contains("TLS Secret of Dashboard orders");
    assertThat(deployment(namespace, "sales")).isNull();
  }

  @Test
  void aSecretOwnedByAnotherDashboardIsRefused() {
    String namespace = operator.namespace("credentials-owned");
    Dashboard orders = operator.client().resource(Dashboards.minimal(namespace, "orders")).create();
    operator.client().resource(secret(namespace, "orders-db").editMetadata().addNewOwnerReference()
        .withApiVersion(orders.getApiVersion()).withKind(orders.getKind()).withName("orders")
        .withUid(orders.getMetadata().getUid()).endOwnerReference().endMetadata().build()).create();
    operator.client().resource(withJdbc(Dashboards.minimal(namespace, "sales"), "orders-db")).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SECRET_NOT_ALLOWED);

    assertThat(ready.getMessage()).contains("belongs to Dashboard orders");
    assertThat(ready.getMessage()).doesNotContain("s3cr3t");
  }

  /** A Secret meant for dashboards (labelled), with both credential keys. */
  private static SecretBuilder secret(String namespace, String name) {
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .addToLabels(Labels.DASHBOARD_DATA, "true").endMetadata()
        .addToStringData(RuntimeContract.USERNAME_KEY, "reader").addToStringData(RuntimeContract.PASSWORD_KEY, "s3cr3t");
  }

  private static Dashboard withVolume(Dashboard dashboard, String name, Consumer<DataVolume> source) {
    DataVolume volume = new DataVolume();
    volume.setName(name);
    volume.setMountPath(RuntimeContract.DATA_DIR + "/" + name);
    source.accept(volume);
    dashboard.getSpec().setDataVolumes(List.of(volume));
    return dashboard;
  }

  private static Dashboard withJdbc(Dashboard dashboard, String secret) {
    return Dashboards.withDataset(dashboard, Dashboards.jdbc("deals", "jdbc:postgresql://198.18.0.1:5432/sales",
        secret));
  }

  private static Volume volume(Deployment deployment, String source) {
    return deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(v -> v.getConfigMap() != null && source.equals(v.getConfigMap().getName())
            || v.getSecret() != null && source.equals(v.getSecret().getSecretName())
            || v.getPersistentVolumeClaim() != null && source.equals(v.getPersistentVolumeClaim().getClaimName()))
        .findFirst().orElseThrow();
  }

  private static Deployment deployment(String namespace, String name) {
    return operator.client().apps().deployments().inNamespace(namespace).withName(name).get();
  }
}
