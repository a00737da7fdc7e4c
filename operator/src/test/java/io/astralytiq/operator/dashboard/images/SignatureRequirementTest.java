package io.astralytiq.operator.dashboard.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.RuntimeSpec;
import io.astralytiq.api.v1alpha1.TrustedKeySpec;
import io.astralytiq.operator.config.OperatorConfig;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import io.astralytiq.operator.testing.Dashboards;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who must have signed a Dashboard's image: its tenant's keys, or the operator's for the operator's own runtime. */
class SignatureRequirementTest {

  private static final String TEAM_IMAGE = "registry.acme.io/analytics/forecast:1.4";

  @Test
  void noPolicyOrNoRequirementChecksNothing() {
    assertThat(SignatureRequirement.of(model(TEAM_IMAGE), Optional.empty(), false)).isEmpty();
    assertThat(SignatureRequirement.of(model(TEAM_IMAGE), Optional.of(new ImagePolicy()), true)).isEmpty();
  }

  @Test
  void aTenantImageIsCheckedWithTheTenantsKeysInTheTenantsMode() {
    ImagePolicy policy = policy(ImagePolicy.Mode.Warn);

    assertThat(SignatureRequirement.of(model(TEAM_IMAGE), Optional.of(policy), true)).hasValueSatisfying(r -> {
      assertThat(r.operatorKeys()).isFalse();
      assertThat(r.tenantKeys()).extracting(TrustedKeySpec::getName).containsExactly("team");
      assertThat(r.enforced()).isFalse();
    });
  }

  @Test
  void theImagesListNarrowsWhatTheRequirementCovers() {
    ImagePolicy policy = policy(ImagePolicy.Mode.Enforce);
    policy.setImages(List.of("registry.acme.io/signed/"));

    assertThat(SignatureRequirement.of(model(TEAM_IMAGE), Optional.of(policy), false)).isEmpty();
    assertThat(SignatureRequirement.of(model("registry.acme.io/signed/app:2"), Optional.of(policy), false))
        .isPresent();
  }

  @Test
  void theOperatorsRuntimeIsCheckedWithTheOperatorsKeysAlwaysEnforcedWhenItHasThem() {
    DashboardModel runtime = model(null);

    assertThat(SignatureRequirement.of(runtime, Optional.empty(), true)).hasValueSatisfying(r -> {
      assertThat(r.operatorKeys()).isTrue();
      assertThat(r.enforced()).as("a tenant's Warn does not loosen the platform's key").isTrue();
    });
    assertThat(SignatureRequirement.of(runtime, Optional.of(policy(ImagePolicy.Mode.Warn)), true))
        .hasValueSatisfying(r -> assertThat(r.enforced()).isTrue());
  }

  @Test
  void withoutOperatorKeysTheRuntimeIsCheckedOnlyForTenantsThatRequireSignaturesNeverWithTheirKeys() {
    assertThat(SignatureRequirement.of(model(null), Optional.empty(), false)).isEmpty();
    assertThat(SignatureRequirement.of(model(null), Optional.of(policy(ImagePolicy.Mode.Enforce)), false))
        .hasValueSatisfying(r -> {
          assertThat(r.operatorKeys()).isTrue();
          assertThat(r.tenantKeys()).isEmpty();
        });
  }

  private static ImagePolicy policy(ImagePolicy.Mode mode) {
    TrustedKeySpec key = new TrustedKeySpec();
    key.setName("team");
    key.setPublicKey("-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----\n");
    ImagePolicy policy = new ImagePolicy();
    policy.setRequireSignature(true);
    policy.setMode(mode);
    policy.setTrustedKeys(List.of(key));
    return policy;
  }

  static DashboardModel model(String image) {
    Dashboard dashboard = Dashboards.minimal("acme-analytics", "forecast");
    if (image != null) {
      RuntimeSpec runtime = new RuntimeSpec();
      runtime.setImage(image);
      dashboard.getSpec().setRuntime(runtime);
    }
    return new DashboardModel(dashboard, OperatorConfig.from(Map.of()), null, "acme", null, false, null, Set.of());
  }
}
