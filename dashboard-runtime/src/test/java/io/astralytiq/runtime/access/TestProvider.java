package io.astralytiq.runtime.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The real Keycloak that hack/idp runs (started by the build before the ITs), with the TEST-ONLY realm of
 * hack/idp.d: tokens from its token endpoint with the password grant, which only tests use.
 */
public final class TestProvider {

  public static final String ISSUER = System.getProperty("astralytiq.idp.issuer",
      "http://127.0.0.1:" + System.getProperty("astralytiq.idp.port", "8480") + "/realms/astralytiq");
  static final String CLIENT_ID = "dashboard";
  /** Test-only fixture secret (hack/idp.d/realm-astralytiq.json). */
  static final String CLIENT_SECRET = "dashboard-test-only-secret";
  /** Test-only fixture TOTP seed of carol (hack/idp.d/realm-astralytiq.json). */
  private static final String TOTP_SECRET = "astralytiq-test-only-totp";

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestProvider() {}

  /** Fails, saying how to start it, when the provider does not answer: no test here passes without it. */
  public static void requireRunning() {
    HttpResponse<String> discovery = send(HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration"))
        .timeout(Duration.ofSeconds(10)).build());
    if (discovery.statusCode() != 200) {
      throw new IllegalStateException("the OpenID Connect provider at " + ISSUER + " answers "
          + discovery.statusCode() + "; start it with hack/idp up");
    }
  }

  static String accessToken(String user, String password) {
    return accessToken(CLIENT_ID, CLIENT_SECRET, user, password);
  }

  /** With a second factor: Keycloak's password grant takes the current TOTP code as {@code totp}. */
  static String accessToken(String user, String password, String totp) {
    return token(Map.of("grant_type", "password", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
        "username", user, "password", password, "scope", "openid", "totp", totp), user, CLIENT_ID);
  }

  static String accessToken(String clientId, String clientSecret, String user, String password) {
    return token(Map.of("grant_type", "password", "client_id", clientId, "client_secret", clientSecret,
        "username", user, "password", password, "scope", "openid"), user, clientId);
  }

  /**
   * The current code of the realm fixture's TOTP credential (RFC 6238: HMAC-SHA1, 30 s, 6 digits; Keycloak keys
   * the HMAC with the secret's UTF-8 bytes).
   */
  static String totp() {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(TOTP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(System.currentTimeMillis() / 30_000).array());
      int offset = hash[hash.length - 1] & 0xf;
      int code = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
      return String.format("%06d", code);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(Map<String, String> fields, String user, String clientId) {
    String form = form(fields);
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    Matcher m = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      // The body of a refusal names the error, never a token.
      throw new IllegalStateException("no token for " + user + " from " + clientId + ": " + response.statusCode()
          + " " + response.body());
    }
    return m.group(1);
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static HttpResponse<String> send(HttpRequest request) {
    return send(HTTP, request);
  }

  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
