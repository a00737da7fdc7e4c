package io.astralytiq.operator.tls;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.AbstractMap;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Secret data as the API server holds it ({@code Secret.getData()}): PEM text, base64-encoded, by key. Maps made
 * here print their keys but never their values, so a Secret's content cannot leak into a log line through them.
 */
public final class SecretData {

  private SecretData() {}

  public static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The decoded text under the key; an exception naming the key when it is absent or not base64. */
  public static String required(Map<String, String> data, String key) {
    return optional(data, key).orElseThrow(() -> new InvalidTlsDataException(key + " is missing"));
  }

  public static List<X509Certificate> certificates(Map<String, String> data, String key) {
    try {
      return Pem.parseCertificates(required(data, key));
    } catch (InvalidTlsDataException e) {
      throw prefixed(key, e);
    }
  }

  public static PrivateKey privateKey(Map<String, String> data, String key) {
    try {
      return Pem.parsePrivateKey(required(data, key));
    } catch (InvalidTlsDataException e) {
      throw prefixed(key, e);
    }
  }

  private static InvalidTlsDataException prefixed(String key, InvalidTlsDataException e) {
    return e.getMessage().startsWith(key) ? e : new InvalidTlsDataException(key + ": " + e.getMessage());
  }

  static Optional<String> optional(Map<String, String> data, String key) {
    String value = data == null ? null : data.get(key);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new InvalidTlsDataException(key + " is not base64");
    }
  }

  public static Map<String, String> redacted(Map<String, String> data) {
    Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    return new AbstractMap<>() {
      @Override
      public Set<Entry<String, String>> entrySet() {
        return copy.entrySet();
      }

      @Override
      public String toString() {
        return copy.keySet().stream().map(key -> key + "=<redacted>").collect(Collectors.joining(", ", "{", "}"));
      }
    };
  }
}
