package io.astralytiq.operator.dashboard.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.DefinitionRef;
import io.astralytiq.api.v1alpha1.Labels;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.operator.testing.DashboardAsserts;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mistakes the schema cannot catch: each becomes a specific condition and a Warning Event, the last good
 * children stay as they were, and other dashboards carry on.
 */
class DashboardBadInputIT {

  private static final String DEFINITION_YAML = """
      title: Orders from a ConfigMap
      panels:
        - {id: total, type: metric, query: SELECT 1 AS total, x: total}
      """;

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onApiServer();

  @Test
  void aMissingDefinitionConfigMapIsReportedAndPickedUpOnceItExists() {
    String namespace = operator.namespace("missing-ref");
    operator.client().resource(withDefinitionRef(Dashboards.minimal(namespace, "orders"), "orders-definition")).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "orders", DashboardConditions.READY, "False",
        DashboardConditions.REASON_DEFINITION_NOT_FOUND);
    assertThat(ready.getMessage()).contains("ConfigMap orders-definition").contains(namespace);
    assertThat(operator.dashboards().get(namespace, "orders").getStatus().getPhase()).isEqualTo(DashboardPhase.Failed);
    assertThat(deployment(namespace, "orders")).as("nothing deployed from a missing definition").isNull();
    operator.dashboards().awaitEvent(namespace, "orders", "Warning", DashboardConditions.REASON_DEFINITION_NOT_FOUND);

    operator.client().resource(new ConfigMapBuilder().withNewMetadata().withName("orders-definition").withNamespace(namespace)
        .endMetadata().addToData("dashboard.yaml", DEFINITION_YAML).build()).create();

    operator.dashboards().awaitPresent("the Deployment once the ConfigMap exists", () -> deployment(namespace, "orders"));
  }

  @Test
  void aDefinitionThatDoesNotParseKeepsTheLastGoodChildren() {
    String namespace = operator.namespace("bad-ref");
    operator.client().resource(new ConfigMapBuilder().withNewMetadata().withName("orders-definition").withNamespace(namespace)
        .endMetadata().addToData("dashboard.yaml", DEFINITION_YAML).build()).create();
    operator.client().resource(withDefinitionRef(Dashboards.minimal(namespace, "orders"), "orders-definition")).create();
    Deployment good = operator.dashboards().awaitPresent("the Deployment", () -> deployment(namespace, "orders"));

    operator.client().configMaps().inNamespace(namespace).withName("orders-definition").edit(cm -> {
      cm.getData().put("dashboard.yaml", "title: [unclosed\npanels: 3\n");
      return cm;
    });

    Condition ready = operator.dashboards().awaitCondition(namespace, "orders", DashboardConditions.READY, "False",
        DashboardConditions.REASON_DEFINITION_INVALID);
    assertThat(ready.getMessage()).contains("orders-definition").contains("line")
        .contains("the last accepted version keeps running");
    assertThat(operator.dashboards().get(namespace, "orders").getStatus().getPhase()).isEqualTo(DashboardPhase.Degraded);
    assertThat(deployment(namespace, "orders").getSpec().getTemplate())
        .as("the running pod template is untouched").isEqualTo(good.getSpec().getTemplate());
  }

  @Test
  void aDefinitionTheRuntimeWouldRefuseIsReportedBeforeAnyRollout() {
    String namespace = operator.namespace("refused-ref");
    operator.client().resource(definitionConfigMap(namespace, """
        title: Orders
        theme: sepia
        panels:
          - {id: total, type: metric, query: SELECT count(*) AS total FROM ordrs, x: total}
        """)).create();
    operator.client().resource(withDefinitionRef(Dashboards.minimal(namespace, "orders"), "orders-definition")).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "orders", DashboardConditions.READY, "False",
        DashboardConditions.REASON_DEFINITION_REFUSED);
    assertThat(ready.getMessage()).contains("ConfigMap orders-definition key dashboard.yaml")
        .contains("theme must be light, dark or auto, not 'sepia'")
        .contains("panel 'total': the query reads from 'ordrs', which is not a dataset");
    assertThat(operator.dashboards().get(namespace, "orders").getStatus().getPhase()).isEqualTo(DashboardPhase.Failed);
    assertThat(deployment(namespace, "orders")).as("nothing deployed from a refused definition").isNull();
    assertThat(operator.client().apps().controllerRevisions().inNamespace(namespace).list().getItems())
        .as("no revision recorded: no rollout started").isEmpty();
    operator.dashboards().awaitEvent(namespace, "orders", "Warning", DashboardConditions.REASON_DEFINITION_REFUSED);

    operator.client().configMaps().inNamespace(namespace).withName("orders-definition").edit(cm -> {
      cm.getData().put("dashboard.yaml", "title: Orders\npanels:\n  - {id: total, type: gauge, query: SELECT 1}\n");
      return cm;
    });
    operator.dashboards().awaitCondition(namespace, "orders", DashboardConditions.READY, "False",
        DashboardConditions.REASON_DEFINITION_REFUSED);
    await("the message naming the new problem").atMost(DashboardAsserts.TIMEOUT).until(() -> DashboardAsserts
        .condition(operator.dashboards().get(namespace, "orders"), DashboardConditions.READY).getMessage()
        .contains("unknown type 'gauge'"));
    assertThat(operator.dashboards().events(namespace, "orders"))
        .as("one Warning Event for the reason, however often its message changes")
        .filteredOn(e -> DashboardConditions.REASON_DEFINITION_REFUSED.equals(e.getReason())).singleElement()
        .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning"));

    operator.client().configMaps().inNamespace(namespace).withName("orders-definition").edit(cm -> {
      cm.getData().put("dashboard.yaml", DEFINITION_YAML);
      return cm;
    });
    operator.dashboards().awaitPresent("the Deployment once the definition is usable", () -> deployment(namespace,
        "orders"));
  }

  @Test
  void anInvalidImageIsRefusedWhileAnotherDashboardIsUnaffected() {
    String namespace = operator.namespace("image");
    Dashboard bad = Dashboards.minimal(namespace, "bad");
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage("registry.example.com/team//app:1");
    bad.getSpec().setRuntime(runtime);
    operator.client().resource(bad).create();
    operator.client().resource(Dashboards.minimal(namespace, "good")).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "bad", DashboardConditions.READY, "False",
        DashboardConditions.REASON_INVALID_IMAGE);
    assertThat(ready.getMessage()).contains("registry.example.com/team//app:1");
    operator.dashboards().awaitPresent("the good dashboard deployed", () -> deployment(namespace, "good"));
    assertThat(deployment(namespace, "bad")).isNull();
  }

  /**
   * The schema's TZ-only rule for dashboard-runtime sees only an unset spec.runtime.image: a Dashboard naming the
   * runtime's image gets past it, and the operator refuses its env instead, before anything is rolled out.
   */
  @Test
  void anEnvForTheRuntimeNamedByItsImageIsRefusedBeforeAnyRollout() {
    String namespace = operator.namespace("runtime-env");
    Dashboard dashboard = Dashboards.minimal(namespace, "orders");
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage(OperatorFixture.RUNTIME_IMAGE);
    runtime.setEnv(List.of(new EnvVarBuilder().withName("TZ").withValue("Europe/Paris").build(),
        new EnvVarBuilder().withName(RuntimeContract.EGRESS_ALLOWED_HOSTS_ENV).withValue("169.254.169.254").build()));
    dashboard.getSpec().setRuntime(runtime);
    operator.client().resource(dashboard).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "orders", DashboardConditions.READY, "False",
        DashboardConditions.REASON_ENV_NOT_ALLOWED);
    assertThat(ready.getMessage()).contains("spec.runtime.env sets " + RuntimeContract.EGRESS_ALLOWED_HOSTS_ENV + ",")
        .contains(OperatorFixture.RUNTIME_IMAGE).doesNotContain("TZ,");
    assertThat(operator.dashboards().get(namespace, "orders").getStatus().getPhase()).isEqualTo(DashboardPhase.Failed);
    assertThat(deployment(namespace, "orders")).as("nothing deployed with the runtime's settings overridden").isNull();
    assertThat(operator.client().apps().controllerRevisions().inNamespace(namespace).list().getItems())
        .as("no revision recorded: no rollout started").isEmpty();
    operator.dashboards().awaitEvent(namespace, "orders", "Warning", DashboardConditions.REASON_ENV_NOT_ALLOWED);

    operator.dashboards().edit(namespace, "orders", d -> {
      d.getSpec().getRuntime().setEnv(List.of(new EnvVarBuilder().withName("TZ").withValue("Europe/Paris").build()));
      return d;
    });
    Deployment deployment = operator.dashboards().awaitPresent("the Deployment once only TZ is left",
        () -> deployment(namespace, "orders"));
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .filteredOn(e -> e.getName().equals(RuntimeContract.EGRESS_ALLOWED_HOSTS_ENV)).singleElement()
        .satisfies(e -> assertThat(e.getValue()).as("the operator's own value").isNotEqualTo("169.254.169.254"));
    assertThat(operator.dashboards().events(namespace, "orders"))
        .as("one Warning Event for the refusal")
        .filteredOn(e -> DashboardConditions.REASON_ENV_NOT_ALLOWED.equals(e.getReason())).singleElement()
        .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning"));
  }

  @Test
  void aMissingCredentialsSecretIsReportedAndTheDashboardRecoversWhenItAppears() {
    String namespace = operator.namespace("secret");
    Dashboard dashboard = Dashboards.minimal(namespace, "sales");
    operator.client().resource(Dashboards.withDataset(dashboard,
        Dashboards.jdbc("deals", "jdbc:postgresql://db:5432/sales", "sales-db"))).create();

    Condition ready = operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "False",
        DashboardConditions.REASON_SECRET_NOT_FOUND);
    assertThat(ready.getMessage()).contains("Secret sales-db");
    assertThat(ready.getMessage()).doesNotContain("password");

    operator.client().resource(new SecretBuilder().withNewMetadata().withName("sales-db").withNamespace(namespace)
        .addToLabels(Labels.DASHBOARD_DATA, "true").endMetadata()
        .addToStringData("username", "reader").addToStringData("password", "s3cr3t-value").build()).create();

    Deployment deployment = operator.dashboards().awaitPresent("the Deployment", () -> deployment(namespace, "sales"));
    assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
        .anySatisfy(v -> assertThat(v.getSecret() == null ? null : v.getSecret().getSecretName()).isEqualTo("sales-db"));
    assertThat(operator.client().getKubernetesSerialization().asJson(operator.dashboards().get(namespace, "sales")))
        .doesNotContain("s3cr3t-value");
  }

  /**
   * What only the API server can refuse (here an admission policy on the Deployment; a quota or an invalid value
   * take the same path): Ready=False ChildRefused with the child and the API server's words, one Warning Event,
   * the last good Deployment kept, the dashboard next to it unaffected, and recovery once the spec is fixed.
   */
  @Test
  void aChildTheApiServerRefusesIsReportedOnceAndTheLastGoodOneKeepsRunning() {
    String namespace = operator.namespace("refused-child");
    operator.client().resource(Dashboards.minimal(namespace, "orders")).create();
    operator.client().resource(Dashboards.minimal(namespace, "other")).create();
    operator.dashboards().awaitPresent("the Deployment", () -> deployment(namespace, "orders"));
    operator.dashboards().awaitPresent("the other Deployment", () -> deployment(namespace, "other"));
    refuseMoreThanTwoReplicas(namespace);

    operator.dashboards().edit(namespace, "orders", d -> {
      d.getSpec().setReplicas(3);
      return d;
    });

    Condition ready = operator.dashboards().awaitCondition(namespace, "orders", DashboardConditions.READY, "False",
        DashboardConditions.REASON_CHILD_REFUSED);
    assertThat(ready.getMessage()).contains("the API server refused Deployment orders")
        .contains("at most 2 replicas per dashboard in this namespace")
        .contains("the last accepted version keeps running");
    assertThat(operator.dashboards().get(namespace, "orders").getStatus().getPhase()).isEqualTo(DashboardPhase.Degraded);
    assertThat(deployment(namespace, "orders").getSpec().getReplicas()).as("the last good Deployment").isEqualTo(1);
    operator.dashboards().awaitEvent(namespace, "orders", "Warning", DashboardConditions.REASON_CHILD_REFUSED);

    operator.dashboards().edit(namespace, "other", d -> {
      d.getSpec().setReplicas(2);
      return d;
    });
    await("the other dashboard scaled").atMost(DashboardAsserts.TIMEOUT)
        .until(() -> deployment(namespace, "other").getSpec().getReplicas() == 2);
    assertThat(operator.dashboards().events(namespace, "orders"))
        .as("one Warning Event, however often the operator looks again")
        .filteredOn(e -> DashboardConditions.REASON_CHILD_REFUSED.equals(e.getReason())).singleElement()
        .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning"));

    operator.dashboards().edit(namespace, "orders", d -> {
      d.getSpec().setReplicas(2);
      return d;
    });
    await("the fixed spec rolled out").atMost(DashboardAsserts.TIMEOUT)
        .until(() -> deployment(namespace, "orders").getSpec().getReplicas() == 2);
    await("the refusal gone from Ready").atMost(DashboardAsserts.TIMEOUT).until(() -> !DashboardConditions
        .REASON_CHILD_REFUSED.equals(DashboardAsserts.condition(operator.dashboards().get(namespace, "orders"),
            DashboardConditions.READY).getReason()));
  }

  /** An admission policy of the namespace, in force once a dry run of what it forbids is refused. */
  private static void refuseMoreThanTwoReplicas(String namespace) {
    String name = "at-most-two-replicas-" + namespace;
    operator.client().resource(new ValidatingAdmissionPolicyBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withFailurePolicy("Fail")
        .withNewMatchConstraints().addNewResourceRule().withApiGroups("apps").withApiVersions("v1")
        .withResources("deployments").withOperations("CREATE", "UPDATE").endResourceRule().endMatchConstraints()
        .addNewValidation().withExpression("!has(object.spec.replicas) || object.spec.replicas <= 2")
        .withMessage("at most 2 replicas per dashboard in this namespace").endValidation()
        .endSpec().build()).create();
    operator.client().resource(new ValidatingAdmissionPolicyBindingBuilder().withNewMetadata().withName(name)
        .endMetadata().withNewSpec().withPolicyName(name).withValidationActions("Deny")
        .withNewMatchResources().withNewNamespaceSelector()
        .addToMatchLabels("kubernetes.io/metadata.name", namespace).endNamespaceSelector().endMatchResources()
        .endSpec().build()).create();
    Deployment probe = new DeploymentBuilder().withNewMetadata().withName("probe").withNamespace(namespace)
        .endMetadata().withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "probe")
        .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "probe").endMetadata().withNewSpec()
        .addNewContainer().withName("probe").withImage("probe:1").endContainer().endSpec().endTemplate().endSpec()
        .build();
    await("the admission policy in force").atMost(DashboardAsserts.TIMEOUT).until(() -> {
      try {
        operator.client().resource(probe).dryRun().create();
        return false;
      } catch (KubernetesClientException e) {
        return e.getCode() == 422 || e.getCode() == 403;
      }
    });
  }

  private static Dashboard withDefinitionRef(Dashboard dashboard, String configMap) {
    DefinitionRef ref = new DefinitionRef();
    ref.setName(configMap);
    dashboard.getSpec().setDefinition(null);
    dashboard.getSpec().setDefinitionRef(ref);
    return dashboard;
  }

  private static ConfigMap definitionConfigMap(String namespace, String yaml) {
    return new ConfigMapBuilder().withNewMetadata().withName("orders-definition").withNamespace(namespace).endMetadata()
        .addToData("dashboard.yaml", yaml).build();
  }

  private static Deployment deployment(String namespace, String name) {
    return operator.client().apps().deployments().inNamespace(namespace).withName(name).get();
  }
}
