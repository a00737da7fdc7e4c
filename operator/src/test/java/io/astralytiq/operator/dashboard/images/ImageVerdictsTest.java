package io.astralytiq.operator.dashboard.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.DashboardConditions;
import io.astralytiq.api.v1alpha1.ImagePolicy;
import io.astralytiq.api.v1alpha1.TenantConditions;
import io.astralytiq.operator.common.Outcome;
import io.astralytiq.operator.dashboard.inputs.DashboardInputs;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the registry's answer means for the rollout, in Enforce and in Warn. */
class ImageVerdictsTest {

  private static final String IMAGE = "registry.acme.io/analytics/forecast:1.4";
  private static final String DIGEST = "sha256:" + "a".repeat(64);
  private static final String PINNED = "registry.acme.io/analytics/forecast@" + DIGEST;
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final Instant TAG_RECHECK = NOW.plusSeconds(300);
  private static final SignatureRequirement ENFORCE = new SignatureRequirement(ImagePolicy.Mode.Enforce, List.of(),
      false);
  private static final SignatureRequirement WARN = new SignatureRequirement(ImagePolicy.Mode.Warn, List.of(), false);
  private static final ImageCheck VERIFIED = new ImageCheck(VerificationResult.VERIFIED, IMAGE, DIGEST, PINNED,
      "team-2026", "verified", null);
  private static final ImageCheck MISSING = new ImageCheck(VerificationResult.SIGNATURE_MISSING, IMAGE, DIGEST, PINNED,
      null, IMAGE + " (" + DIGEST + ") has no cosign signature", null);
  private static final ImageCheck UNREACHABLE = new ImageCheck(VerificationResult.REGISTRY_UNREACHABLE, IMAGE, null,
      null, null, "registry.acme.io did not answer within 10s", NOW.plusSeconds(5));

  @Test
  void aVerifiedImageRunsByItsDigestAndIsLookedUpAgainWhenItsTagMayHaveMoved() {
    ImageDecision decision = ImageVerdicts.decide(inputs(), ENFORCE, Optional.of(VERIFIED), Optional.empty(),
        TAG_RECHECK);

    assertThat(decision.inputs().problems()).isEmpty();
    assertThat(decision.inputs().model().runImage()).isEqualTo(PINNED);
    assertThat(decision.inputs().model().deployment().getSpec().getTemplate().getSpec().getContainers().get(0)
        .getImage()).as("the Deployment runs what was verified").isEqualTo(PINNED);
    assertThat(decision.verified()).hasValueSatisfying(o -> {
      assertThat(o.type()).isEqualTo(DashboardConditions.IMAGE_VERIFIED);
      assertThat(o.status()).isTrue();
      assertThat(o.reason()).isEqualTo(DashboardConditions.REASON_SIGNATURE_VERIFIED);
      assertThat(o.message()).isEqualTo(IMAGE + " is " + DIGEST + ", signed by trusted key team-2026; the pods run "
          + PINNED);
      assertThat(o.recheckAt()).isEqualTo(TAG_RECHECK);
    });
  }

  @Test
  void anUnsignedImageIsRefusedInEnforceAndRunsAsNamedInWarn() {
    ImageDecision enforced = ImageVerdicts.decide(inputs(), ENFORCE, Optional.of(MISSING), Optional.empty(),
        TAG_RECHECK);
    ImageDecision warned = ImageVerdicts.decide(inputs(), WARN, Optional.of(MISSING), Optional.empty(), TAG_RECHECK);

    assertThat(enforced.inputs().problems()).singleElement().satisfies(p -> {
      assertThat(p.type()).isEqualTo(DashboardConditions.READY);
      assertThat(p.reason()).isEqualTo(DashboardConditions.REASON_SIGNATURE_MISSING);
      assertThat(p.message()).isEqualTo(MISSING.message()
          + "; the revision does not roll out until its image is signed by a trusted key");
    });
    assertThat(enforced.verified()).map(Outcome::status).contains(false);
    assertThat(warned.inputs().problems()).isEmpty();
    assertThat(warned.inputs().model().runImage()).isEqualTo(IMAGE);
    assertThat(warned.verified()).hasValueSatisfying(o -> {
      assertThat(o.status()).isFalse();
      assertThat(o.reason()).isEqualTo(DashboardConditions.REASON_SIGNATURE_MISSING);
      assertThat(o.message()).endsWith("; running it anyway, as imagePolicy.mode Warn asks");
    });
  }

  @Test
  void whileTheRegistryIsAskedTheRevisionWaitsAndARunningVerifiedDigestKeepsRunning() {
    ImageDecision first = ImageVerdicts.decide(inputs(), ENFORCE, Optional.empty(), Optional.empty(), TAG_RECHECK);
    ImageDecision again = ImageVerdicts.decide(inputs(), ENFORCE, Optional.empty(), Optional.of(VERIFIED),
        TAG_RECHECK);

    assertThat(first.inputs().problems()).extracting(Outcome::reason)
        .containsExactly(DashboardConditions.REASON_VERIFICATION_PENDING);
    assertThat(again.inputs().problems()).isEmpty();
    assertThat(again.inputs().model().runImage()).isEqualTo(PINNED);
    assertThat(again.verified()).map(Outcome::reason).contains(DashboardConditions.REASON_SIGNATURE_VERIFIED);
  }

  @Test
  void anUnreachableRegistryKeepsTheVerifiedDigestRunningAndSaysSoOrRefusesWhatWasNeverVerified() {
    ImageDecision kept = ImageVerdicts.decide(inputs(), ENFORCE, Optional.of(UNREACHABLE), Optional.of(VERIFIED),
        TAG_RECHECK);
    ImageDecision refused = ImageVerdicts.decide(inputs(), ENFORCE, Optional.of(UNREACHABLE), Optional.empty(),
        TAG_RECHECK);

    assertThat(kept.inputs().problems()).isEmpty();
    assertThat(kept.inputs().model().runImage()).isEqualTo(PINNED);
    assertThat(kept.verified()).hasValueSatisfying(o -> {
      assertThat(o.status()).isFalse();
      assertThat(o.reason()).isEqualTo(DashboardConditions.REASON_REGISTRY_UNREACHABLE);
      assertThat(o.message()).isEqualTo(UNREACHABLE.message() + "; the pods keep running " + PINNED
          + ", verified before");
      assertThat(o.recheckAt()).as("asked again with backoff").isEqualTo(UNREACHABLE.retryAt());
    });
    assertThat(refused.inputs().problems()).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(DashboardConditions.REASON_REGISTRY_UNREACHABLE);
      assertThat(p.recheckAt()).isEqualTo(UNREACHABLE.retryAt());
    });
  }

  @Test
  void aSignatureThatIsNotWhatItClaimsIsNeverOutweighedByAnEarlierVerification() {
    ImageCheck invalid = new ImageCheck(VerificationResult.SIGNATURE_INVALID, IMAGE, DIGEST, PINNED, null,
        "the signature's payload names another digest", null);

    ImageDecision decision = ImageVerdicts.decide(inputs(), ENFORCE, Optional.of(invalid), Optional.of(VERIFIED),
        TAG_RECHECK);

    assertThat(decision.inputs().problems()).extracting(Outcome::reason)
        .containsExactly(DashboardConditions.REASON_SIGNATURE_INVALID);
  }

  @Test
  void everyResultHasItsOwnReason() {
    assertThat(List.of(VerificationResult.values())).extracting(ImageVerdicts::reason).doesNotHaveDuplicates()
        .allSatisfy(reason -> assertThat(reason).matches("[A-Z][A-Za-z]+"));
  }

  private static DashboardInputs inputs() {
    return new DashboardInputs(SignatureRequirementTest.model(IMAGE), List.of(), Optional.empty(),
        Outcome.of(TenantConditions.ADMITTED, true, TenantConditions.REASON_ADMITTED, "admitted by tenant acme"));
  }
}
