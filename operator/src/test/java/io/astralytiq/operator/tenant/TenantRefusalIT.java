package io.astralytiq.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.api.v1alpha1.TenantNames;
import io.astralytiq.api.v1alpha1.TenantStatus;
import io.astralytiq.operator.common.Conditions;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.Tenants;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What only the API server can refuse in a Tenant's objects (here an admission policy on NetworkPolicies; a quota
 * on object counts or a missing right take the same path) is the Tenant's status: Ready=False ChildRefused naming
 * the object and quoting the API server, one Warning Event, the other objects made all the same, another Tenant
 * unaffected, and Ready again by itself once the policy is lifted.
 */
class TenantRefusalIT {

  /** The operator looks again a minute after a refusal. */
  private static final Duration TIMEOUT = TenantReconciler.RECHECK_REFUSED.plusSeconds(60);

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer();

  @Test
  void aRefusedObjectIsReportedOnceAndTheTenantRecoversWhenThePolicyIsLifted() {
    String refused = OperatorFixture.uniqueName("refused");
    String other = OperatorFixture.uniqueName("unaffected");
    String policy = refuseNetworkPoliciesIn(refused);

    operator.client().resource(Tenants.of(refused, refused)).create();
    operator.client().resource(Tenants.of(other, other)).create();

    Condition ready = awaitReady(refused, "False");
    assertThat(ready.getReason()).isEqualTo(TenantConditions.REASON_CHILD_REFUSED);
    assertThat(ready.getMessage()).contains("the API server refused NetworkPolicy " + TenantNames.networkPolicy())
        .contains("network policies here are the platform team's");
    assertThat(Conditions.isTrue(status(refused).getConditions(), TenantConditions.STALLED)).isTrue();
    assertThat(operator.client().namespaces().withName(refused).get()).as("the namespace is made").isNotNull();
    assertThat(awaitReady(other, "True").getReason()).isEqualTo(TenantConditions.REASON_RECONCILED);
    await("a Warning Event").atMost(TIMEOUT).until(() -> !refusalEvents(refused).isEmpty());
    assertThat(refusalEvents(refused)).singleElement()
        .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning"));

    operator.client().admissionRegistration().v1().validatingAdmissionPolicyBindings().withName(policy).delete();
    operator.client().admissionRegistration().v1().validatingAdmissionPolicies().withName(policy).delete();

    assertThat(awaitReady(refused, "True").getReason()).isEqualTo(TenantConditions.REASON_RECONCILED);
    assertThat(operator.client().network().v1().networkPolicies().inNamespace(refused)
        .withName(TenantNames.networkPolicy()).get()).as("the isolation in place").isNotNull();
    assertThat(refusalEvents(refused)).as("one Warning Event, however often the operator looked again").hasSize(1);
  }

  /**
   * An admission policy refusing NetworkPolicies in the namespace (and in a probe namespace, to see it in force
   * before the Tenant exists: the API server loads policies a moment after they are created).
   */
  private static String refuseNetworkPoliciesIn(String namespace) {
    String name = "no-network-policies-" + namespace;
    String probe = namespace + "-probe";
    operator.client().resource(new ValidatingAdmissionPolicyBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withFailurePolicy("Fail")
        .withNewMatchConstraints().addNewResourceRule().withApiGroups("networking.k8s.io").withApiVersions("v1")
        .withResources("networkpolicies").withOperations("CREATE", "UPDATE").endResourceRule().endMatchConstraints()
        .addNewValidation()
        .withExpression("!(object.metadata.namespace in ['" + namespace + "', '" + probe + "'])")
        .withMessage("network policies here are the platform team's").endValidation()
        .endSpec().build()).create();
    operator.client().resource(new ValidatingAdmissionPolicyBindingBuilder().withNewMetadata().withName(name)
        .endMetadata().withNewSpec().withPolicyName(name).withValidationActions("Deny").endSpec().build()).create();
    operator.client().resource(new NamespaceBuilder().withNewMetadata().withName(probe).endMetadata().build())
        .create();
    NetworkPolicy attempt = new NetworkPolicyBuilder().withNewMetadata().withName("probe").withNamespace(probe)
        .endMetadata().withNewSpec().withNewPodSelector().endPodSelector().endSpec().build();
    await("the admission policy in force").atMost(TIMEOUT).until(() -> {
      try {
        operator.client().resource(attempt).dryRun().create();
        return false;
      } catch (KubernetesClientException e) {
        return e.getCode() == 403 || e.getCode() == 422;
      }
    });
    return name;
  }

  private static TenantStatus status(String name) {
    return operator.client().resources(Tenant.class).withName(name).get().getStatus();
  }

  private static Condition awaitReady(String name, String status) {
    return Tenants.awaitReady(operator.client(), name, status, TIMEOUT);
  }

  private static List<Event> refusalEvents(String tenant) {
    return Tenants.events(operator.client(), tenant).stream()
        .filter(e -> TenantConditions.REASON_CHILD_REFUSED.equals(e.getReason())).toList();
  }
}
