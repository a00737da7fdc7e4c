package io.astralytiq.operator.dashboard.images;

import java.time.Instant;

/**
 * The verdict on one image.
 *
 * @param image as asked
 * @param digest {@code sha256:<hex>} the reference resolved to; null when it could not be resolved
 * @param pinned {@code <repository as in the image, without tag>@<digest>}, what the pod must run; null without digest
 * @param keyName the trusted key that verified it; null unless {@link VerificationResult#VERIFIED}
 * @param message one sentence naming the image, the digest and what was wrong (the keys tried, by name); never a
 *     credential
 * @param retryAt when a {@link VerificationResult#REGISTRY_UNREACHABLE} result should be tried again, else null
 */
public record ImageCheck(VerificationResult result, String image, String digest, String pinned, String keyName,
    String message, Instant retryAt) {

  public boolean verified() {
    return result == VerificationResult.VERIFIED;
  }
}
