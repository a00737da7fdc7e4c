package io.astralytiq.operator.dashboard;

import static io.astralytiq.operator.dashboard.StatusFixtures.dashboard;
import static io.astralytiq.operator.dashboard.StatusFixtures.deployment;
import static io.astralytiq.operator.dashboard.StatusFixtures.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.api.v1alpha1.DashboardStatus;
import io.astralytiq.api.v1alpha1.IngressSpec;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.operator.common.Conditions;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the status says for each state the Deployment can be in, and for each mistake. */
class DashboardStatusFactoryTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void noDeploymentYetIsPending() {
    DashboardStatus status = compute(inputs(spec(), List.of(), null), Optional.empty());

    assertThat(status.getPhase()).isEqualTo(DashboardPhase.Pending);
    assertThat(ready(status).getStatus()).isEqualTo("False");
    assertThat(status.getObservedGeneration()).isEqualTo(4L);
  }

  @Test
  void aRolloutUnderWayIsProgressing() {
    DashboardStatus status = compute(inputs(spec(), List.of(), null), Optional.of(deployment(2, 1, 1, 1, null)));

    assertThat(status.getPhase()).isEqualTo(DashboardPhase.Progressing);
    assertThat(ready(status).getReason()).isEqualTo(DashboardConditions.REASON_PROGRESSING);
    assertThat(Conditions.isTrue(status.getConditions(), DashboardConditions.PROGRESSING)).isTrue();
    assertThat(ready(status).getMessage()).isEqualTo("1 of 2 replicas updated, 1 ready, 1 available");
  }

  @Test
  void everyReplicaUpdatedReadyAndAvailableIsReady() {
    DashboardStatus status = compute(inputs(spec(), List.of(), null), Optional.of(deployment(2, 2, 2, 2, null)));

    assertThat(status.getPhase()).isEqualTo(DashboardPhase.Ready);
    assertThat(ready(status).getStatus()).isEqualTo("True");
    assertThat(ready(status).getLastTransitionTime()).isEqualTo("2026-11-26T10:00:00Z");
    assertThat(status.getReplicas()).isEqualTo(2);
    assertThat(status.getReadyReplicas()).isEqualTo(2);
    assertThat(status.getSelector())
        .isEqualTo("app.kubernetes.io/name=astralytiq-dashboard,app.kubernetes.io/instance=sales");
  }

  @Test
  void aMissedProgressDeadlineIsDegraded() {
    DashboardStatus status = compute(inputs(spec(), List.of(), null),
        Optional.of(deployment(2, 1, 1, 1, "ProgressDeadlineExceeded")));

    assertThat(status.getPhase()).isEqualTo(DashboardPhase.Degraded);
    assertThat(ready(status).getReason()).isEqualTo(DashboardConditions.REASON_PROGRESS_DEADLINE_EXCEEDED);
  }

  @Test
  void podsTheClusterRefusesToCreateAreReportedWithItsReason() {
    Deployment refused = deployment(1, 0, 0, 0, null);
    refused.getStatus().getConditions().add(new DeploymentConditionBuilder()
        .withType("ReplicaFailure").withStatus("True").withReason("FailedCreate")
        .withMessage("pods \"sales-1\" is forbidden: exceeded quota").build());
    DashboardStatus status = compute(inputs(spec(), List.of(), null), Optional.of(refused));

    assertThat(status.getPhase()).isEqualTo(DashboardPhase.Degraded);
    assertThat(ready(status).getReason()).isEqualTo(DashboardConditions.REASON_PODS_NOT_CREATED);
    assertThat(ready(status).getMessage()).contains("exceeded quota");
  }

  @Test
  void aMistakeWithAnOlderVersionRunningIsDegradedAndSaysSo() {
    Outcome problem = DashboardInputs.problem(DashboardConditions.REASON_DEFINITION_NOT_FOUND, "ConfigMap x does not exist");
    DashboardStatus status = compute(inputs(spec(), List.of(problem), null), Optional.of(deployment(1, 1, 1, 1, null)));

    assertThat(status.getPhase()).isEqualTo(DashboardPhase.Degraded);
    assertThat(ready(status).getReason()).isEqualTo(DashboardConditions.REASON_DEFINITION_NOT_FOUND);
    assertThat(ready(status).getMessage()).isEqualTo(
        "ConfigMap x does not exist; the last accepted version keeps running");
  }

  @Test
  void aMistakeWithNothingRunningHasFailed() {
    Outcome problem = DashboardInputs.problem(DashboardConditions.REASON_INVALID_IMAGE, "bad image");
    DashboardStatus status = compute(inputs(spec(), List.of(problem), null), Optional.empty());

    assertThat(status.getPhase()).isEqualTo(DashboardPhase.Failed);
  }

  @Test
  void aHostHeldElsewhereIsDegradedWithTheHolderNamed() {
    DashboardSpec spec = spec();
    IngressSpec ingress = new IngressSpec();
    ingress.setHost("sales.example.com");
    spec.setIngress(ingress);
    Dashboard holder = dashboard(spec());
    holder.getMetadata().setNamespace("globex");
    DashboardStatus status = compute(inputs(spec, List.of(), holder), Optional.of(deployment(1, 1, 1, 1, null)));

    assertThat(status.getPhase()).isEqualTo(DashboardPhase.Degraded);
    assertThat(ready(status).getMessage()).isEqualTo(
        "host sales.example.com is already served by Dashboard globex/sales");
    assertThat(status.getUrl()).as("not served here").isNull();
  }

  @Test
  void suspendedIsItsOwnPhase() {
    DashboardSpec spec = spec();
    spec.setSuspend(true);
    DashboardStatus status = compute(inputs(spec, List.of(), null), Optional.of(deployment(0, 0, 0, 0, null)));

    assertThat(status.getPhase()).isEqualTo(DashboardPhase.Suspended);
    assertThat(status.getConditions()).filteredOn(c -> c.getType().equals(DashboardConditions.AVAILABLE))
        .singleElement().satisfies(c -> assertThat(c.getReason()).isEqualTo(DashboardConditions.REASON_SCALED_TO_ZERO));
  }

  @Test
  void featureOutcomesBecomeConditionsAndTheEarliestRecheckIsTaken() {
    Outcome tls = Outcome.of(DashboardConditions.TLS_READY, true, DashboardConditions.REASON_CERTIFICATE_ISSUED,
        "issued").recheckedAt(CLOCK.instant().plus(Duration.ofDays(20)));
    Outcome secret = DashboardInputs.problem(DashboardConditions.REASON_SECRET_NOT_FOUND, "Secret db not found")
        .recheckedAt(CLOCK.instant().plusSeconds(30));
    DashboardStatusFactory.Computed computed = DashboardStatusFactory.compute(inputs(spec(), List.of(secret), null),
        Optional.empty(), Optional.empty(), List.of(tls), "2027-01-01T00:00:00Z", CLOCK);

    assertThat(computed.recheckAfter()).contains(Duration.ofSeconds(30));
    assertThat(computed.status().getCertificateNotAfter()).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(computed.status().getConditions()).extracting(Condition::getType).containsExactly(
        TenantConditions.ADMITTED, DashboardConditions.AVAILABLE, DashboardConditions.PROGRESSING,
        DashboardConditions.TLS_READY, DashboardConditions.READY, DashboardConditions.RECONCILING,
        DashboardConditions.STALLED);
    assertThat(Conditions.isTrue(computed.status().getConditions(), DashboardConditions.TLS_READY)).isTrue();
  }

  private static DashboardStatus compute(DashboardInputs inputs, Optional<Deployment> deployment) {
    return DashboardStatusFactory.compute(inputs, deployment, Optional.empty(), List.of(), null, CLOCK).status();
  }

  private static Condition ready(DashboardStatus status) {
    return Conditions.find(status.getConditions(), DashboardConditions.READY).orElseThrow();
  }

  private static DashboardSpec spec() {
    return new DashboardSpec();
  }
}
