package io.astralytiq.operator.dashboard.images;

import static io.astralytiq.operator.dashboard.images.Recorded.IMAGE_DIGEST;
import static io.astralytiq.operator.dashboard.images.Recorded.OTHER;
import static io.astralytiq.operator.dashboard.images.Recorded.TRUSTED;
import static io.astralytiq.operator.dashboard.images.Recorded.UNSIGNED_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.operator.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The verifier against a registry on loopback serving the recorded signatures. */
class ImageVerifierTest {

  private static final String REPOSITORY = "acme/app";
  private static final String HOST = "registry.acme.io";
  private static final String IMAGE = HOST + "/" + REPOSITORY + ":1.0";
  private static final List<TrustedKey> KEYS = List.of(TRUSTED);
  private static final List<RegistryCredential> CREDENTIALS =
      List.of(new RegistryCredential(HOST, RecordedRegistry.USER, RecordedRegistry.PASSWORD));
  private static final Duration TAG_LIFETIME = Duration.ofMinutes(1);

  private final RecordedRegistry registry = new RecordedRegistry().signedImage(REPOSITORY, "1.0");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private ImageVerifier verifier = verifier(Duration.ofSeconds(5));

  ImageVerifierTest() throws IOException {}

  private ImageVerifier verifier(Duration timeout) {
    return new ImageVerifier(new RegistrySettings(Map.of(HOST, registry.url()), timeout), TAG_LIFETIME,
        Duration.ofMinutes(10), 1000, clock, meters);
  }

  @AfterEach
  void close() {
    verifier.close();
    registry.close();
  }

  private ImageCheck verdict(String image, List<TrustedKey> keys, List<RegistryCredential> credentials)
      throws InterruptedException {
    return VerifierCalls.verdict(verifier, image, keys, credentials);
  }

  private double registryRequests() {
    return meters.counter(VerificationMetrics.REGISTRY_REQUESTS).count();
  }

  @Test
  void aSignedTagIsVerifiedAndPinnedToItsDigestThenAnsweredFromTheCache() throws InterruptedException {
    AtomicInteger callbacks = new AtomicInteger();
    assertThat(verifier.check(IMAGE, KEYS, List.of(), callbacks::incrementAndGet)).as("not known yet").isEmpty();

    ImageCheck check = verdict(IMAGE, KEYS, List.of());

    assertThat(check).isEqualTo(new ImageCheck(VerificationResult.VERIFIED, IMAGE, IMAGE_DIGEST,
        HOST + "/" + REPOSITORY + "@" + IMAGE_DIGEST, "trusted", IMAGE + " (" + IMAGE_DIGEST
        + ") is signed with trusted key trusted.", null));
    assertThat(callbacks).hasValue(1);
    assertThat(registry.requests()).as("the tag, the .sig manifest, its payload").isEqualTo(3);
    assertThat(verifier.check(IMAGE, KEYS, List.of(), () -> { })).contains(check);
    assertThat(registry.requests()).isEqualTo(3);
    assertThat(registryRequests()).isEqualTo(3);
    assertThat(meters.counter(VerificationMetrics.VERIFICATIONS, "result", "VERIFIED").count()).isEqualTo(1);
    assertThat(meters.timer(VerificationMetrics.VERIFICATION).count()).isEqualTo(1);
  }

  @Test
  void anImageByDigestIsVerifiedWithoutATag() throws InterruptedException {
    String image = HOST + "/" + REPOSITORY + "@" + IMAGE_DIGEST;

    ImageCheck check = verdict(image, KEYS, List.of());

    assertThat(check.result()).isEqualTo(VerificationResult.VERIFIED);
    assertThat(check.pinned()).isEqualTo(image);
    assertThat(check.message()).isEqualTo(image + " is signed with trusted key trusted.");
  }

  @Test
  void anUnsignedImageHasNoSignatureNamingTheKeys() throws InterruptedException {
    registry.manifest(REPOSITORY, "unsigned", Recorded.bytes("unsigned-image.json"));

    ImageCheck check = verdict(HOST + "/" + REPOSITORY + ":unsigned", List.of(OTHER, TRUSTED), List.of());

    assertThat(check.result()).isEqualTo(VerificationResult.SIGNATURE_MISSING);
    assertThat(check.digest()).isEqualTo(UNSIGNED_DIGEST);
    assertThat(check.keyName()).isNull();
    assertThat(check.message()).contains(UNSIGNED_DIGEST, "no cosign signature", "trusted keys: other, trusted");
  }

  @Test
  void otherKeysAreAnotherVerdictOfTheSameDigest() throws InterruptedException {
    assertThat(verdict(IMAGE, KEYS, List.of()).result()).isEqualTo(VerificationResult.VERIFIED);

    ImageCheck check = verdict(IMAGE, List.of(OTHER), List.of());

    assertThat(check.result()).isEqualTo(VerificationResult.UNTRUSTED_KEY);
    assertThat(check.message()).contains(IMAGE_DIGEST, "tried other");
  }

  @Test
  void aMissingTagOrDigestIsNotFound() throws InterruptedException {
    assertThat(verdict(HOST + "/" + REPOSITORY + ":2.0", KEYS, List.of()).result())
        .isEqualTo(VerificationResult.IMAGE_NOT_FOUND);
    ImageCheck byDigest = verdict(HOST + "/" + REPOSITORY + "@sha256:" + "1".repeat(64), KEYS, List.of());
    assertThat(byDigest.result()).isEqualTo(VerificationResult.IMAGE_NOT_FOUND);
    assertThat(byDigest.message()).contains("has no manifest");
  }

  @Test
  void aReferenceThatIsNoneIsAnsweredAtOnce() {
    assertThat(verifier.check("Not An Image", KEYS, List.of(), () -> { })).get()
        .extracting(ImageCheck::result).isEqualTo(VerificationResult.IMAGE_NOT_FOUND);
    assertThat(registry.requests()).isZero();
  }

  @Test
  void aTagMovedToAnotherImageIsSeenAfterTheTagLifetimeWhileTheOldDigestStaysVerified() throws InterruptedException {
    assertThat(verdict(IMAGE, KEYS, List.of()).digest()).isEqualTo(IMAGE_DIGEST);
    registry.manifest(REPOSITORY, "1.0", Recorded.bytes("unsigned-image.json"));

    assertThat(verdict(IMAGE, KEYS, List.of()).result()).as("within the tag's lifetime")
        .isEqualTo(VerificationResult.VERIFIED);
    clock.advance(TAG_LIFETIME.plusSeconds(1));
    ImageCheck moved = verdict(IMAGE, KEYS, List.of());

    assertThat(moved.result()).isEqualTo(VerificationResult.SIGNATURE_MISSING);
    assertThat(moved.digest()).isEqualTo(UNSIGNED_DIGEST);
    int requests = registry.requests();
    assertThat(verdict(HOST + "/" + REPOSITORY + "@" + IMAGE_DIGEST, KEYS, List.of()).result())
        .isEqualTo(VerificationResult.VERIFIED);
    assertThat(registry.requests()).as("the old digest's verdict is still cached").isEqualTo(requests);
  }

  @Test
  void aBearerChallengeIsAnsweredWithATokenFetchedWithThePullSecret() throws InterruptedException {
    registry.auth(RecordedRegistry.Auth.BEARER);

    ImageCheck check = verdict(IMAGE, KEYS, CREDENTIALS);

    assertThat(check.result()).isEqualTo(VerificationResult.VERIFIED);
    assertThat(registry.tokenRequests()).as("one token per check of a repository: resolving, verifying")
        .isBetween(1, 2);
  }

  @Test
  void withoutCredentialsTheTokenIsRefusedAndSaidSoWithoutSecrets() throws InterruptedException {
    registry.auth(RecordedRegistry.Auth.BEARER);

    ImageCheck check = verdict(IMAGE, KEYS, List.of(new RegistryCredential("elsewhere.io", "u", "p")));

    assertThat(check.result()).isEqualTo(VerificationResult.IMAGE_NOT_FOUND);
    assertThat(check.message()).contains("HTTP 401", "pull Secret").doesNotContain(RecordedRegistry.PASSWORD,
        RecordedRegistry.TOKEN);
  }

  @Test
  void basicAuthIsSentToTheRegistryOfTheCredential() throws InterruptedException {
    registry.auth(RecordedRegistry.Auth.BASIC);

    assertThat(verdict(IMAGE, KEYS, CREDENTIALS).result()).isEqualTo(VerificationResult.VERIFIED);
    assertThat(verdict(IMAGE, KEYS, List.of()).result()).as("another cache entry: no credentials")
        .isEqualTo(VerificationResult.IMAGE_NOT_FOUND);
  }

  @Test
  void aBlobRedirectedToStorageElsewhereIsFollowedWithoutTheRegistrysCredentials() throws InterruptedException {
    registry.auth(RecordedRegistry.Auth.BASIC);
    registry.redirectBlobs();

    assertThat(verdict(IMAGE, KEYS, CREDENTIALS).result()).isEqualTo(VerificationResult.VERIFIED);
    assertThat(registry.storageRequestsWithAuthorization()).isZero();
  }

  @Test
  void aManifestWhoseDigestIsNotTheOneTheRegistrySaysIsTamperedWith() throws InterruptedException {
    registry.wrongDigestHeader();

    ImageCheck check = verdict(IMAGE, KEYS, List.of());

    assertThat(check.result()).isEqualTo(VerificationResult.SIGNATURE_INVALID);
    assertThat(check.message()).contains("hash to " + IMAGE_DIGEST, "tampered");
  }

  @Test
  void aManifestOverItsBoundIsNotRead() throws InterruptedException {
    registry.manifest(REPOSITORY, "huge", new byte[RegistryClient.MAX_MANIFEST_BYTES + 1]);

    ImageCheck check = verdict(HOST + "/" + REPOSITORY + ":huge", KEYS, List.of());

    assertThat(check.result()).isEqualTo(VerificationResult.SIGNATURE_INVALID);
    assertThat(check.message()).contains("larger than " + RegistryClient.MAX_MANIFEST_BYTES + " bytes");
  }

  @Test
  void aRegistryThatDoesNotAnswerInTimeIsUnreachableAndRetriedWithBackoff() throws InterruptedException {
    verifier.close();
    verifier = verifier(Duration.ofSeconds(1));
    registry.delay(Duration.ofSeconds(20));

    long started = System.nanoTime();
    ImageCheck first = verdict(IMAGE, KEYS, List.of());

    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the timeout, not the registry's delay")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(first.result()).isEqualTo(VerificationResult.REGISTRY_UNREACHABLE);
    assertThat(first.digest()).isNull();
    assertThat(first.retryAt()).isEqualTo(clock.instant().plusSeconds(5));
    assertThat(first.message()).contains(IMAGE, "did not answer within 1000 ms");
    int requests = registry.requests();
    assertThat(verifier.check(IMAGE, KEYS, List.of(), () -> { })).as("until retryAt").contains(first);
    assertThat(registry.requests()).isEqualTo(requests);

    clock.advance(Duration.ofSeconds(5));
    assertThat(verdict(IMAGE, KEYS, List.of()).retryAt()).isEqualTo(clock.instant().plusSeconds(10));
    clock.advance(Duration.ofSeconds(10));
    registry.delay(Duration.ZERO);
    assertThat(verdict(IMAGE, KEYS, List.of()).result()).isEqualTo(VerificationResult.VERIFIED);
  }

  @Test
  void aBadEndpointSettingIsRetriedWithTheBackoffRatherThanAtOnce() throws InterruptedException {
    verifier.close();
    verifier = new ImageVerifier(new RegistrySettings(Map.of(HOST, "http://[not a host"), Duration.ofSeconds(1)),
        TAG_LIFETIME, Duration.ofMinutes(10), 10, clock, meters);

    ImageCheck check = verdict(IMAGE, KEYS, List.of());

    assertThat(check.result()).isEqualTo(VerificationResult.REGISTRY_UNREACHABLE);
    assertThat(check.retryAt()).isEqualTo(clock.instant().plusSeconds(5));
    assertThat(check.message()).contains("failed unexpectedly (IllegalArgumentException)");
  }

  @Test
  void serverErrorsAndThrottlingAreUnreachable() throws InterruptedException {
    registry.failWith(503);
    assertThat(verdict(IMAGE, KEYS, List.of()).result()).isEqualTo(VerificationResult.REGISTRY_UNREACHABLE);
    registry.failWith(429);
    assertThat(verdict(HOST + "/" + REPOSITORY + "@" + IMAGE_DIGEST, KEYS, List.of()).message())
        .contains("HTTP 429");
  }

  @Test
  void twoHundredDashboardsAskingAtOnceCostOneSetOfRequests() throws Exception {
    registry.delay(Duration.ofMillis(100));
    List<ImageCheck> checks = VerifierCalls.concurrently(verifier, 200, i -> IMAGE, KEYS);

    assertThat(checks).hasSize(200).allSatisfy(c -> assertThat(c.result()).isEqualTo(VerificationResult.VERIFIED));
    assertThat(registry.requests()).isEqualTo(3);
    assertThat(registryRequests()).isEqualTo(3);
    assertThat(meters.counter(VerificationMetrics.VERIFICATIONS, "result", "VERIFIED").count()).isEqualTo(1);
  }

  @Test
  void twoHundredTagsOfOneDigestCostOneVerification() throws Exception {
    for (int i = 0; i < 200; i++) {
      registry.manifest(REPOSITORY, "t" + i, Recorded.bytes("image.json"));
    }
    registry.delay(Duration.ofMillis(20));
    List<ImageCheck> checks = VerifierCalls.concurrently(verifier, 200, i -> HOST + "/" + REPOSITORY + ":t" + i, KEYS);

    assertThat(checks)
        .allSatisfy(c -> assertThat(c.pinned()).isEqualTo(HOST + "/" + REPOSITORY + "@" + IMAGE_DIGEST));
    assertThat(registry.requests()).as("each tag once, the signature once").isEqualTo(200 + 2);
  }
}
