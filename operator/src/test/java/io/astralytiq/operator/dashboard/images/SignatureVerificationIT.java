package io.astralytiq.operator.dashboard.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier against the real local registry, on images this test pushes to a repository of its own and signs
 * with the real cosign and key pairs it makes: what {@code cosign sign --key} writes is what the operator accepts.
 */
class SignatureVerificationIT {

  private static final String REPOSITORY = "it-verify-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36)
      + "/app";
  private static final Duration TAG_LIFETIME = Duration.ofMinutes(1);

  @TempDir
  static Path keys;
  private static LocalRegistry registry;
  private static TrustedKey signer;
  private static TrustedKey other;
  private static String signed;
  private static String unsigned;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  private ImageVerifier verifier;

  @BeforeAll
  static void pushAndSign() throws Exception {
    registry = LocalRegistry.up();
    signer = registry.keyPair(keys, "signer");
    other = registry.keyPair(keys, "other");
    signed = registry.push(REPOSITORY, "signed");
    unsigned = registry.push(REPOSITORY, "unsigned");
    registry.sign(keys, "signer", REPOSITORY, signed);
  }

  @AfterAll
  static void clean() {
    if (registry != null) {
      registry.clean();
    }
  }

  @AfterEach
  void close() {
    if (verifier != null) {
      verifier.close();
    }
  }

  private ImageCheck verdict(String image, List<TrustedKey> trusted) throws InterruptedException {
    if (verifier == null) {
      verifier = new ImageVerifier(registry.settings(), TAG_LIFETIME, Duration.ofMinutes(10), 100, clock,
          new SimpleMeterRegistry());
    }
    return VerifierCalls.verdict(verifier, image, trusted, List.of());
  }

  private static String image(String tag) {
    return registry.address() + "/" + REPOSITORY + ":" + tag;
  }

  @Test
  void anImageSignedWithCosignIsVerifiedAndPinnedToItsDigest() throws InterruptedException {
    ImageCheck check = verdict(image("signed"), List.of(other, signer));

    assertThat(check.result()).as(check.message()).isEqualTo(VerificationResult.VERIFIED);
    assertThat(check.keyName()).isEqualTo("signer");
    assertThat(check.digest()).isEqualTo(signed);
    assertThat(check.pinned()).isEqualTo(registry.address() + "/" + REPOSITORY + "@" + signed);
  }

  @Test
  void anUnsignedDigestHasNoSignature() throws InterruptedException {
    ImageCheck check = verdict(registry.address() + "/" + REPOSITORY + "@" + unsigned, List.of(signer));

    assertThat(check.result()).as(check.message()).isEqualTo(VerificationResult.SIGNATURE_MISSING);
  }

  @Test
  void aSignatureByAKeyNotTrustedIsUntrusted() throws InterruptedException {
    ImageCheck check = verdict(image("signed"), List.of(other));

    assertThat(check.result()).as(check.message()).isEqualTo(VerificationResult.UNTRUSTED_KEY);
    assertThat(check.message()).contains(signed, "tried other");
  }

  @Test
  void aTagMovedToAnUnsignedImageIsSeenAfterTheTagLifetimeWhileTheOldDigestStaysVerified() throws Exception {
    String moving = "moving-" + Long.toString(System.nanoTime() % 1_000_000L, 36);
    registry.retag(REPOSITORY, moving, signed);
    assertThat(verdict(image(moving), List.of(signer)).result()).isEqualTo(VerificationResult.VERIFIED);

    registry.retag(REPOSITORY, moving, unsigned);
    clock.advance(TAG_LIFETIME.plusSeconds(1));
    ImageCheck moved = verdict(image(moving), List.of(signer));

    assertThat(moved.result()).as(moved.message()).isEqualTo(VerificationResult.SIGNATURE_MISSING);
    assertThat(moved.digest()).isEqualTo(unsigned);
    assertThat(verdict(registry.address() + "/" + REPOSITORY + "@" + signed, List.of(signer)).result())
        .isEqualTo(VerificationResult.VERIFIED);
  }
}
