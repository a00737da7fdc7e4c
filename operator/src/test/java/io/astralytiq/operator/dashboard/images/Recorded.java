package io.astralytiq.operator.dashboard.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The cosign signatures recorded from the local registry (src/test/resources/recorded-signatures/README.md). */
final class Recorded {

  static final String IMAGE_DIGEST = text("image.digest").trim();
  static final String UNSIGNED_DIGEST = text("unsigned-image.digest").trim();
  static final TrustedKey TRUSTED = TrustedKey.parse("trusted", text("trusted.pub"));
  static final TrustedKey OTHER = TrustedKey.parse("other", text("other.pub"));

  private Recorded() {}

  static byte[] bytes(String name) {
    try (InputStream in = Recorded.class.getResourceAsStream("/recorded-signatures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no recorded-signatures/" + name + " on the test classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static List<TrustedKey> keys(TrustedKey... keys) {
    return List.of(keys);
  }
}
