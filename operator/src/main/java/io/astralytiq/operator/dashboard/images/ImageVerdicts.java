package io.astralytiq.operator.dashboard.images;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns what the registry said about an image into the ImageVerified outcome and what rolls out. Enforce runs only a
 * verified digest and refuses the revision otherwise (the last good one keeps running, as for any refused input);
 * Warn runs the image as named and says what is wrong. A digest verified before keeps running while the registry
 * is asked again or cannot be reached: a registry's bad minute does not stop dashboards it served. Pure.
 */
final class ImageVerdicts {

  private ImageVerdicts() {}

  /**
   * @param check the registry's answer; empty while it is being asked
   * @param lastVerified the last verification of the same image under the same keys, if this operator made one
   * @param tagRecheckAt when a tag's digest is looked up again (a tag may move); null for an image named by digest
   */
  static ImageDecision decide(DashboardInputs inputs, SignatureRequirement requirement, Optional<ImageCheck> check,
      Optional<ImageCheck> lastVerified, Instant tagRecheckAt) {
    String image = inputs.model().image();
    if (check.isPresent() && check.get().result() == VerificationResult.VERIFIED) {
      return verified(inputs, requirement, check.get(), tagRecheckAt);
    }
    boolean unreachable = check.map(c -> c.result() == VerificationResult.REGISTRY_UNREACHABLE).orElse(true);
    if (unreachable && lastVerified.isPresent()) {
      ImageDecision kept = verified(inputs, requirement, lastVerified.get(), tagRecheckAt);
      if (check.isEmpty()) {
        return kept;
      }
      Outcome stale = outcome(false, DashboardConditions.REASON_REGISTRY_UNREACHABLE, clause(check.get().message())
          + "; the pods keep running " + lastVerified.get().pinned() + ", verified before", check.get().retryAt());
      return new ImageDecision(kept.inputs(), Optional.of(stale));
    }
    if (check.isEmpty()) {
      Outcome pending = outcome(false, DashboardConditions.REASON_VERIFICATION_PENDING, "reading the signature of "
          + image + " from its registry", null);
      return refusedOrWarned(inputs, requirement, pending);
    }
    return refusedOrWarned(inputs, requirement, outcome(false, reason(check.get().result()), check.get().message(),
        check.get().retryAt()));
  }

  private static ImageDecision verified(DashboardInputs inputs, SignatureRequirement requirement, ImageCheck check,
      Instant tagRecheckAt) {
    String runs = requirement.enforced() ? "the pods run " + check.pinned()
        : "the pods run " + inputs.model().image() + " as named (imagePolicy.mode Warn)";
    Outcome outcome = outcome(true, DashboardConditions.REASON_SIGNATURE_VERIFIED, inputs.model().image() + " is "
        + check.digest() + ", signed by trusted key " + check.keyName() + "; " + runs, tagRecheckAt);
    DashboardInputs pinned = requirement.enforced()
        ? inputs.withModel(inputs.model().withVerifiedImage(check.pinned())) : inputs;
    return new ImageDecision(pinned, Optional.of(outcome));
  }

  private static ImageDecision refusedOrWarned(DashboardInputs inputs, SignatureRequirement requirement,
      Outcome failed) {
    if (!requirement.enforced()) {
      Outcome warned = outcome(false, failed.reason(), clause(failed.message())
          + "; running it anyway, as imagePolicy.mode Warn asks", failed.recheckAt());
      return new ImageDecision(inputs, Optional.of(warned));
    }
    Outcome problem = DashboardInputs.problem(failed.reason(), clause(failed.message())
        + (failed.reason().equals(DashboardConditions.REASON_VERIFICATION_PENDING) ? ""
            : "; the revision does not roll out until its image is signed by a trusted key"));
    return new ImageDecision(inputs.withProblem(failed.recheckAt() == null ? problem
        : problem.recheckedAt(failed.recheckAt())), Optional.of(failed));
  }

  /** A condition about the image when something other than the registry's answer is wrong (a key, a Secret). */
  static ImageDecision unusable(DashboardInputs inputs, SignatureRequirement requirement, String reason,
      String message, Instant recheckAt) {
    return refusedOrWarned(inputs, requirement, outcome(false, reason, message, recheckAt));
  }

  /** The verifier's sentence as a clause that more can follow. */
  private static String clause(String sentence) {
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }

  static String reason(VerificationResult result) {
    return switch (result) {
      case VERIFIED -> DashboardConditions.REASON_SIGNATURE_VERIFIED;
      case SIGNATURE_MISSING -> DashboardConditions.REASON_SIGNATURE_MISSING;
      case SIGNATURE_INVALID -> DashboardConditions.REASON_SIGNATURE_INVALID;
      case UNTRUSTED_KEY -> DashboardConditions.REASON_SIGNATURE_UNTRUSTED;
      case IMAGE_NOT_FOUND -> DashboardConditions.REASON_IMAGE_NOT_FOUND;
      case REGISTRY_UNREACHABLE -> DashboardConditions.REASON_REGISTRY_UNREACHABLE;
    };
  }

  private static Outcome outcome(boolean status, String reason, String message, Instant recheckAt) {
    return new Outcome(DashboardConditions.IMAGE_VERIFIED, status, reason, message, recheckAt);
  }
}
