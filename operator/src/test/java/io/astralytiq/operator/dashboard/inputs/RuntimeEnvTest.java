package io.astralytiq.operator.dashboard.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.DashboardSpec;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Only TZ for dashboard-runtime, however the Dashboard names its image; anything for an image of its own. */
class RuntimeEnvTest {

  private static final String RUNTIME_IMAGE = "ghcr.io/astralytiq/dashboard-runtime:0.1.0";
  private static final OperatorConfig CONFIG = OperatorConfig.from(Map.of("RUNTIME_IMAGE", RUNTIME_IMAGE));

  @Test
  void theRuntimeNamedByItsImageIsRefusedEveryVariableButTz() {
    Optional<Outcome> problem = RuntimeEnv.problem(model(RUNTIME_IMAGE, env("TZ"),
        env("ASTRALYTIQ_EGRESS_BLOCKED_CIDRS"), env("JAVA_TOOL_OPTIONS"), env("JAVA_TOOL_OPTIONS")));

    assertThat(problem).hasValueSatisfying(p -> {
      assertThat(p.type()).isEqualTo(DashboardConditions.READY);
      assertThat(p.status()).isFalse();
      assertThat(p.reason()).isEqualTo(DashboardConditions.REASON_ENV_NOT_ALLOWED);
      assertThat(p.message()).isEqualTo("spec.runtime.env sets ASTRALYTIQ_EGRESS_BLOCKED_CIDRS, JAVA_TOOL_OPTIONS,"
          + " but spec.runtime.image " + RUNTIME_IMAGE + " is dashboard-runtime, which takes only TZ from a"
          + " Dashboard: the operator sets its settings, limits and sandbox");
    });
  }

  @Test
  void tzAloneIsFine() {
    assertThat(RuntimeEnv.problem(model(RUNTIME_IMAGE, env("TZ")))).isEmpty();
    assertThat(RuntimeEnv.problem(model(null, env("TZ")))).isEmpty();
  }

  @Test
  void theRuntimeByDefaultIsRefusedTooWhateverLetItThrough() {
    assertThat(RuntimeEnv.problem(model(null, env("SPRING_PROFILES_ACTIVE")))).isPresent();
  }

  @Test
  void anImageOfItsOwnTakesAnyVariable() {
    assertThat(RuntimeEnv.problem(model("registry.acme.io/data/forecast-streamlit:2.3.1",
        env("STREAMLIT_SERVER_HEADLESS"), env("JAVA_TOOL_OPTIONS")))).isEmpty();
  }

  private static EnvVar env(String name) {
    return new EnvVarBuilder().withName(name).withValue("x").build();
  }

  private static DashboardModel model(String image, EnvVar... env) {
    DashboardSpec spec = new DashboardSpec();
    spec.setRuntime(new RuntimeSpec());
    spec.getRuntime().setImage(image);
    spec.getRuntime().setEnv(List.of(env));
    Dashboard dashboard = new Dashboard();
    dashboard.setMetadata(new ObjectMetaBuilder().withName("sales").withNamespace("acme-analytics").build());
    dashboard.setSpec(spec);
    return new DashboardModel(dashboard, CONFIG, null, "acme", null, false, null, Set.of());
  }
}
