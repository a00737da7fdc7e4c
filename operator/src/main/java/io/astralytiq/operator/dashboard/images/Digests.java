package io.astralytiq.operator.dashboard.images;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code sha256:<hex>} of bytes, as OCI digests are written. */
final class Digests {

  private Digests() {}

  static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The tag cosign stores a digest's signature under: {@code sha256-<hex>.sig}. */
  static String signatureTag(String digest) {
    return digest.replace(':', '-') + ".sig";
  }
}
