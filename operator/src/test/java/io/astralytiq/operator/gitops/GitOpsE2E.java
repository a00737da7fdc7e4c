package io.astralytiq.operator.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardPhase;
import io.astralytiq.api.v1alpha1.RolloutSpec;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.api.v1alpha1.Tenant;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.operator.testing.Dashboards;
import io.astralytiq.operator.testing.OperatorFixture;
import io.astralytiq.operator.testing.RunningOperator;
import io.astralytiq.operator.testing.Tenants;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Argo CD and Flux make of our objects, judged by their own code (hack/gitops: Argo CD's Lua engine with
 * gitops/argocd/argocd-cm.yaml, and cli-utils' kstatus) on objects read from the local cluster in each state a
 * Dashboard goes through: rolled out, rolling out, rolled back, changed again, suspended.
 */
class GitOpsE2E {

  private static final String GOOD = "example.test/app:1";
  private static final String NEVER_READY = "example.test/app-never-ready:2";
  private static final String CRASHING = "example.test/app-crashloop:3";
  private static final String GOOD_AGAIN = "example.test/app:4";
  private static final String NEVER_READY_AGAIN = "example.test/app-never-ready:5";
  private static final Path ARGOCD_CM = Project.path("gitops/argocd/argocd-cm.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final RunningOperator operator = RunningOperator.onLocalCluster();

  private static Path tools;

  @BeforeAll
  static void buildTools() {
    Command.Result built = Command.run(List.of(Project.path("hack/gitops-tools").toString()), "",
        Duration.ofMinutes(20));
    assertThat(built.exitCode()).as(built.stderr()).isZero();
    String[] lines = built.stdout().strip().split("\n");
    tools = Path.of(lines[lines.length - 1]);
  }

  @Test
  void argoCdAndKstatusFollowADashboardThroughEveryState() throws IOException {
    String namespace = operator.tenantNamespace("gitops");
    operator.client().resource(dashboard(namespace)).create();
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "True", "RolledOut");
    Dashboard ready = current(namespace);
    expect(ready, "Healthy", "Current");
    assertThat(actions(ready)).contains("suspend").doesNotContain("resume", "restore-last-good-revision",
        "follow-spec");

    setImage(namespace, NEVER_READY);
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.RECONCILING, "True", "RollingOut");
    Dashboard rollingOut = current(namespace);
    expect(rollingOut, "Progressing", "InProgress");
    assertThat(actions(rollingOut)).contains("restore-last-good-revision");

    setImage(namespace, CRASHING);
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ROLLED_BACK, "True",
        "CrashLoopBackOff");
    Dashboard rolledBack = current(namespace);
    assertThat(rolledBack.getStatus().getPhase()).isEqualTo(DashboardPhase.RolledBack);
    JsonNode argo = expect(rolledBack, "Degraded", "Failed");
    assertThat(argo.path("message").asText()).contains("rolled back to revision 1");

    // The spec changed and the operator has not looked yet: both tools must say so, not repeat the old verdict.
    Dashboard changed = setImage(namespace, GOOD_AGAIN);
    assertThat(changed.getStatus().getObservedGeneration()).isLessThan(changed.getMetadata().getGeneration());
    expect(changed, "Progressing", "InProgress");
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "True", "RolledOut");
    Dashboard healthyAgain = current(namespace);
    expect(healthyAgain, "Healthy", "Current");

    // Argo CD's actions: what they return, written back as Argo CD does, and what the operator makes of it.
    act(healthyAgain, "suspend");
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "True", "Suspended");
    Dashboard suspended = current(namespace);
    expect(suspended, "Suspended", "Current");
    assertThat(actions(suspended)).contains("resume").doesNotContain("suspend");
    act(suspended, "resume");
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.READY, "True", "RolledOut");

    setImage(namespace, NEVER_READY_AGAIN);
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.RECONCILING, "True", "RollingOut");
    Dashboard slow = current(namespace);
    long lastGood = slow.getStatus().getLastGoodRevision();
    assertThat(slow.getStatus().getCurrentRevision()).isGreaterThan(lastGood);
    act(slow, "restore-last-good-revision");
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ROLLED_BACK, "True",
        DashboardConditions.REASON_RESTORED);
    Dashboard restored = current(namespace);
    assertThat(restored.getSpec().getRollout().getRestoreRevision()).isEqualTo(lastGood);
    assertThat(restored.getStatus().getCurrentRevision()).isEqualTo(lastGood);
    assertThat(actions(restored)).contains("follow-spec");
    act(restored, "follow-spec");
    operator.dashboards().awaitCondition(namespace, "sales", DashboardConditions.ROLLED_BACK, "False",
        DashboardConditions.REASON_CURRENT_REVISION);
    assertThat(current(namespace).getSpec().getRollout().getRestoreRevision()).isNull();
  }

  @Test
  void aTenantInConflictIsDegradedAndStalled() throws IOException {
    String owner = OperatorFixture.uniqueName("owner");
    String other = OperatorFixture.uniqueName("other");
    String shared = OperatorFixture.uniqueName("shared");
    operator.client().resource(new NamespaceBuilder().withNewMetadata().withName(shared).endMetadata().build())
        .create();
    operator.client().resource(Tenants.of(owner, shared)).create();
    awaitTenant(owner, TenantConditions.READY, "True");
    expect(tenant(owner), "Healthy", "Current");

    operator.client().resource(Tenants.of(other, shared)).create();
    awaitTenant(other, TenantConditions.CONFLICT, "True");
    JsonNode argo = expect(tenant(other), "Degraded", "Failed");
    assertThat(argo.path("message").asText()).contains(shared);
  }

  /** Asserts what Argo CD's health check and kstatus make of the object; returns Argo CD's verdict. */
  private static JsonNode expect(HasMetadata object, String argoHealth, String kstatus) throws IOException {
    JsonNode argo = run(tools.resolve("argocd-lua"), List.of(ARGOCD_CM.toString(), "health"), object).get(0);
    JsonNode flux = run(tools.resolve("kstatus"), List.of(), object).get(0);
    assertThat(argo.path("status").asText()).as("Argo CD health of %s (%s)", describe(object), argo)
        .isEqualTo(argoHealth);
    assertThat(flux.path("status").asText()).as("kstatus of %s (%s)", describe(object), flux).isEqualTo(kstatus);
    return argo;
  }

  private static List<String> actions(Dashboard dashboard) throws IOException {
    List<String> enabled = new ArrayList<>();
    for (JsonNode action : run(tools.resolve("argocd-lua"), List.of(ARGOCD_CM.toString(), "discovery"), dashboard)
        .get(0)) {
      if (!action.path("disabled").asBoolean(false)) {
        enabled.add(action.path("name").asText());
      }
    }
    return enabled;
  }

  /** Runs an action and patches its result back the way Argo CD does: a JSON merge patch from the live object. */
  private static void act(Dashboard live, String name) throws IOException {
    JsonNode result = run(tools.resolve("argocd-lua"), List.of(ARGOCD_CM.toString(), "action", name), live);
    assertThat(result).as("objects returned by action %s", name).hasSize(1);
    JsonNode patch = mergePatch(JSON.valueToTree(live), result.get(0));
    operator.client().resources(Dashboard.class).inNamespace(live.getMetadata().getNamespace())
        .withName(live.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), JSON.writeValueAsString(patch));
  }

  /** RFC 7386: what changed, null for what is gone. */
  private static JsonNode mergePatch(JsonNode before, JsonNode after) {
    if (!before.isObject() || !after.isObject()) {
      return after;
    }
    ObjectNode patch = JSON.createObjectNode();
    before.fieldNames().forEachRemaining(f -> {
      if (!after.has(f)) {
        patch.putNull(f);
      }
    });
    after.fields().forEachRemaining(e -> {
      JsonNode was = before.get(e.getKey());
      if (was == null || !was.equals(e.getValue())) {
        patch.set(e.getKey(), was == null ? e.getValue() : mergePatch(was, e.getValue()));
      }
    });
    return patch;
  }

  private static JsonNode run(Path tool, List<String> args, HasMetadata object) throws IOException {
    List<String> command = new ArrayList<>(List.of(tool.toString()));
    command.addAll(args);
    Command.Result r = Command.run(command, JSON.writeValueAsString(List.of(object)), Duration.ofSeconds(60));
    assertThat(r.exitCode()).as("%s: %s", tool.getFileName(), r.stderr()).isZero();
    return JSON.readTree(r.stdout());
  }

  private static String describe(HasMetadata object) {
    return object.getKind() + " " + object.getMetadata().getName() + " at generation "
        + object.getMetadata().getGeneration();
  }

  private static Dashboard dashboard(String namespace) {
    Dashboard dashboard = Dashboards.minimal(namespace, "sales");
    RuntimeSpec runtime = new RuntimeSpec();
    runtime.setImage(GOOD);
    dashboard.getSpec().setRuntime(runtime);
    RolloutSpec rollout = new RolloutSpec();
    rollout.setProgressDeadlineSeconds(600);
    dashboard.getSpec().setRollout(rollout);
    return dashboard;
  }

  private static Dashboard setImage(String namespace, String image) {
    return operator.dashboards().edit(namespace, "sales", d -> {
      d.getSpec().getRuntime().setImage(image);
      return d;
    });
  }

  private static Dashboard current(String namespace) {
    return operator.dashboards().get(namespace, "sales");
  }

  private static Tenant tenant(String name) {
    return operator.client().resources(Tenant.class).withName(name).get();
  }

  private static void awaitTenant(String name, String type, String status) {
    org.awaitility.Awaitility.await(name + " " + type + "=" + status).atMost(Duration.ofSeconds(60))
        .until(() -> {
          Tenant t = tenant(name);
          return t != null && t.getStatus() != null && t.getStatus().getObservedGeneration() != null
              && t.getStatus().getObservedGeneration().equals(t.getMetadata().getGeneration())
              && t.getStatus().getConditions().stream()
                  .anyMatch(c -> c.getType().equals(type) && c.getStatus().equals(status));
        });
  }
}
