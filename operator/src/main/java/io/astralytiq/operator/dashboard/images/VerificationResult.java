package io.astralytiq.operator.dashboard.images;

/** What a check of an image's signature found. */
public enum VerificationResult {
  /** signed, over this digest, with one of the trusted keys */
  VERIFIED,
  /** the registry has no signature for the digest (no {@code sha256-<hex>.sig} manifest) */
  SIGNATURE_MISSING,
  /** a signature is there but malformed, tampered with, or made over another digest */
  SIGNATURE_INVALID,
  /** a well-formed signature over this digest, made with none of the trusted keys */
  UNTRUSTED_KEY,
  /** the tag, digest or repository does not exist, or the registry refused to show it */
  IMAGE_NOT_FOUND,
  /** the registry did not answer in time, or answered 5xx or 429: tried again later */
  REGISTRY_UNREACHABLE
}
