package io.astralytiq.operator.dashboard.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DataVolume;
import io.astralytiq.api.v1alpha1.DataVolumeSource;
import io.astralytiq.api.v1alpha1.IngressTls;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.testing.Dashboards;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Which objects a Dashboard may mount, judged from what was read: no cluster. */
class SourceCheckTest {

  private static final String NAMESPACE = "acme-analytics";
  private static final Dashboard SALES = withUid(Dashboards.minimal(NAMESPACE, "sales"), "uid-sales");
  private static final Dashboard ORDERS = withUid(Dashboards.withTls(Dashboards.minimal(NAMESPACE, "orders"),
      "orders.acme.example.com", IngressTls.TlsMode.Secret, "orders-cert"), "uid-orders");

  @Test
  void aLabelledCredentialsSecretWithBothKeysIsAccepted() {
    assertThat(credentials(secret("sales-db", s -> s))).isEmpty();
  }

  @Test
  void aCredentialsSecretWithoutTheDataLabelIsRefusedWithTheLabelToAdd() {
    Secret unlabelled = secret("billing-db", s -> s.editMetadata().removeFromLabels(Labels.DASHBOARD_DATA)
        .endMetadata());

    assertThat(credentials(unlabelled)).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(DashboardConditions.REASON_SECRET_NOT_ALLOWED);
      assertThat(p.message()).startsWith("Secret billing-db (credentials of a jdbc dataset")
          .contains("is not labelled astralytiq.io/dashboard-data=true")
          .contains("kubectl label secret billing-db astralytiq.io/dashboard-data=true")
          .doesNotContain("cmVhZGVy").doesNotContain("czNjcjN0");
    });
  }

  @Test
  void aServiceAccountTokenIsRefusedThoughLabelled() {
    assertThat(credentials(secret("sales-db", s -> s.withType("kubernetes.io/service-account-token"))))
        .singleElement().satisfies(p -> {
          assertThat(p.reason()).isEqualTo(DashboardConditions.REASON_SECRET_NOT_ALLOWED);
          assertThat(p.message()).contains("Secret sales-db").contains("service-account token");
        });
  }

  @Test
  void theTlsSecretAnotherDashboardNamesIsRefused() {
    assertThat(credentials(secret("orders-cert", s -> s))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("TLS Secret of Dashboard orders"));
  }

  @Test
  void theOperatorsTlsSecretNameOfADashboardIsRefused() {
    assertThat(credentials(secret("sales-tls", s -> s))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("TLS Secret of Dashboard sales"));
  }

  @Test
  void aSecretOwnedByAnotherDashboardIsRefused() {
    Secret owned = secret("orders-extra", s -> s.editMetadata().addNewOwnerReference()
        .withApiVersion("astralytiq.io/v1alpha1").withKind("Dashboard").withName("orders").withUid("uid-orders")
        .endOwnerReference().endMetadata());

    assertThat(credentials(owned)).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("belongs to Dashboard orders"));
  }

  @Test
  void aCredentialsSecretWithoutPasswordNamesTheMissingKey() {
    Secret noPassword = new SecretBuilder().withNewMetadata().withName("sales-db")
        .addToLabels(Labels.DASHBOARD_DATA, "true").endMetadata().addToData("username", "cmVhZGVy").build();

    assertThat(credentials(noPassword)).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(DashboardConditions.REASON_SECRET_KEY_MISSING);
      assertThat(p.message()).contains("no key password").doesNotContain("cmVhZGVy");
    });
  }

  @Test
  void aSecretDataVolumeNeedsTheDataLabel() {
    Dashboard dashboard = withVolume("partners", v -> v.setSecret(new DataVolumeSource("partners")));
    List<MountedSource> sources = SourceCheck.sources(dashboard, List.of());

    List<Outcome> unlabelled = SourceCheck.check(dashboard, sources, observed(Map.of("partners",
        secret("partners", s -> s.editMetadata().removeFromLabels(Labels.DASHBOARD_DATA).endMetadata()))),
        List.of(dashboard));
    List<Outcome> labelled = SourceCheck.check(dashboard, sources,
        observed(Map.of("partners", secret("partners", s -> s))), List.of(dashboard));

    assertThat(unlabelled).singleElement().satisfies(p -> assertThat(p.message())
        .contains("spec.dataVolumes[0] partners").contains(Labels.DASHBOARD_DATA));
    assertThat(labelled).isEmpty();
  }

  @Test
  void missingConfigMapsClaimsAndSecretsEachHaveTheirReason() {
    Dashboard configMap = withVolume("orders", v -> v.setConfigMap(new DataVolumeSource("orders-csv")));
    Dashboard claim = withVolume("archive", v -> v.setPersistentVolumeClaim(new DataVolumeSource("archive")));
    ObservedSources nothing = new ObservedSources(Set.of(), Map.of(), Set.of());

    assertThat(SourceCheck.check(configMap, SourceCheck.sources(configMap, List.of()), nothing, List.of()))
        .singleElement().satisfies(p -> {
          assertThat(p.reason()).isEqualTo(DashboardConditions.REASON_CONFIG_MAP_NOT_FOUND);
          assertThat(p.message()).isEqualTo("ConfigMap orders-csv (spec.dataVolumes[0] orders, mounted at /data/orders)"
              + " does not exist in namespace acme-analytics");
        });
    assertThat(SourceCheck.check(claim, SourceCheck.sources(claim, List.of()), nothing, List.of()))
        .singleElement().satisfies(p -> assertThat(p.reason())
            .isEqualTo(DashboardConditions.REASON_CLAIM_NOT_FOUND));
    assertThat(SourceCheck.check(SALES, SourceCheck.sources(SALES, List.of("sales-db")), nothing, List.of()))
        .singleElement().satisfies(p -> assertThat(p.reason())
            .isEqualTo(DashboardConditions.REASON_SECRET_NOT_FOUND));
  }

  private static List<Outcome> credentials(Secret secret) {
    String name = secret.getMetadata().getName();
    return SourceCheck.check(SALES, SourceCheck.sources(SALES, List.of(name)), observed(Map.of(name, secret)),
        List.of(SALES, ORDERS));
  }

  /** A Secret meant for dashboards (labelled), with both credential keys. */
  private static Secret secret(String name, UnaryOperator<SecretBuilder> change) {
    return change.apply(new SecretBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
        .addToLabels(Labels.DASHBOARD_DATA, "true").endMetadata()
        .withType("Opaque").addToData("username", "cmVhZGVy").addToData("password", "czNjcjN0")).build();
  }

  private static ObservedSources observed(Map<String, Secret> secrets) {
    return new ObservedSources(Set.of(), secrets, Set.of());
  }

  private static Dashboard withVolume(String name, Consumer<DataVolume> source) {
    Dashboard dashboard = withUid(Dashboards.minimal(NAMESPACE, "sales"), "uid-sales");
    DataVolume volume = new DataVolume();
    volume.setName(name);
    volume.setMountPath("/data/" + name);
    source.accept(volume);
    dashboard.getSpec().setDataVolumes(List.of(volume));
    return dashboard;
  }

  private static Dashboard withUid(Dashboard dashboard, String uid) {
    dashboard.getMetadata().setUid(uid);
    return dashboard;
  }
}
