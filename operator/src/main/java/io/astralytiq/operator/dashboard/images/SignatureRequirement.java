package io.astralytiq.operator.dashboard.images;

import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.TrustedKeySpec;
import io.astralytiq.operator.dashboard.model.DashboardModel;
import java.util.List;
import java.util.Optional;

/**
 * Whether a Dashboard's image must be signed, and by whom. The operator's own runtime image is vouched for by the
 * operator's keys, never a tenant's: with keys configured it is checked for every dashboard that runs it; without,
 * a tenant that requires signatures cannot run it (the message says which chart value to set). Pure.
 *
 * @param mode what a failed check does
 * @param tenantKeys the keys of the tenant's policy; empty when the operator's keys apply
 * @param operatorKeys whether the operator's runtime-image keys apply
 */
public record SignatureRequirement(ImagePolicy.Mode mode, List<TrustedKeySpec> tenantKeys, boolean operatorKeys) {

  public static Optional<SignatureRequirement> of(DashboardModel model, Optional<ImagePolicy> policy,
      boolean operatorHasKeys) {
    boolean required = policy.map(p -> Boolean.TRUE.equals(p.getRequireSignature()) && covers(p, model.image()))
        .orElse(false);
    ImagePolicy.Mode mode = policy.map(ImagePolicy::getMode).orElse(ImagePolicy.Mode.Enforce);
    if (model.runsDefaultRuntime()) {
      if (operatorHasKeys) {
        // The platform's key is the platform's rule: a tenant's Warn does not loosen it.
        return Optional.of(new SignatureRequirement(ImagePolicy.Mode.Enforce, List.of(), true));
      }
      return required ? Optional.of(new SignatureRequirement(mode, List.of(), true)) : Optional.empty();
    }
    return required ? Optional.of(new SignatureRequirement(mode, policy.get().getTrustedKeys(), false))
        : Optional.empty();
  }

  /** Whether the policy's images list (prefixes; empty: all) covers the image. */
  static boolean covers(ImagePolicy policy, String image) {
    return policy.getImages() == null || policy.getImages().isEmpty()
        || policy.getImages().stream().anyMatch(image::startsWith);
  }

  public boolean enforced() {
    return mode != ImagePolicy.Mode.Warn;
  }
}
