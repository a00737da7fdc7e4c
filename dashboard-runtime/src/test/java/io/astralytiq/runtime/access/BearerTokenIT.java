package io.astralytiq.runtime.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The data API and exports with bearer JWTs from the real provider (hack/idp): accepted from a member, refused
 * (401) when expired, tampered with or meant for another audience, forbidden (403) to a member of another tenant;
 * the query behind a panel for editors only.
 */
class BearerTokenIT extends SignedInRuntime {


  @Test
  void aMembersTokenReadsTheApiAndExports() {
    String token = TestProvider.accessToken("alice", "alice-test-only");
    assertThat(get("/api/panels?region=AMER", token).statusCode()).isEqualTo(200);
    assertThat(get("/api/panels/total?region=AMER", token).body()).contains("\"rows\":[[1350,675.0]]");
    assertThat(get("/api/panels/total/export.csv?region=AMER", token).statusCode()).isEqualTo(200);
  }

  @Test
  void noTokenIsAnswered401WithABearerChallenge() {
    HttpResponse<String> response = get("/api/panels", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(get("/api/panels/total/export.csv", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aTamperedTokenIsRefused() {
    String token = TestProvider.accessToken("alice", "alice-test-only");
    String[] parts = token.split("\\.");
    // Alice's payload with eve's group would be a forgery; any change breaks the signature.
    char last = parts[1].charAt(parts[1].length() - 2);
    String payload = parts[1].substring(0, parts[1].length() - 2) + (last == 'A' ? 'B' : 'A')
        + parts[1].charAt(parts[1].length() - 1);
    assertThat(get("/api/panels", parts[0] + "." + payload + "." + parts[2]).statusCode()).isEqualTo(401);
    assertThat(get("/api/panels", parts[0] + "." + parts[1] + ".c2lnbmF0dXJl").statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    String token = TestProvider.accessToken("other-app", "other-app-test-only-secret", "alice", "alice-test-only");
    assertThat(get("/api/panels", token).statusCode()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRefused() {
    // This client's tokens live 1 s; the test runtime allows 1 s of clock skew.
    String token = TestProvider.accessToken("dashboard-short-lived", "short-lived-test-only-secret", "alice",
        "alice-test-only");
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
        .until(() -> get("/api/panels", token).statusCode() == 401);
  }

  @Test
  void aMemberOfAnotherTenantIsForbidden() {
    String token = TestProvider.accessToken("eve", "eve-test-only");
    assertThat(get("/api/panels", token).statusCode()).isEqualTo(403);
    assertThat(get("/api/panels/total/export.csv", token).statusCode()).isEqualTo(403);
    assertThat(get("/api/export.pdf", token).statusCode()).isEqualTo(403);
    assertThat(get("/", token).statusCode()).isEqualTo(403);
  }

  @Test
  void onlyAnEditorSeesThePanelsQuery() {
    String viewer = TestProvider.accessToken("alice", "alice-test-only");
    String editor = TestProvider.accessToken("bob", "bob-test-only");
    assertThat(get("/api/panels/total/query", viewer).statusCode()).isEqualTo(403);
    HttpResponse<String> query = get("/api/panels/total/query", editor);
    assertThat(query.statusCode()).isEqualTo(200);
    assertThat(query.body()).contains("SELECT sum(amount) AS total");
  }

  @Test
  void aUserWithASecondFactorNeedsItForATokenAndAnAdminSeesTheQuery() {
    // carol has a TOTP credential (the realm fixture): the password alone gets no token.
    assertThatThrownBy(() -> TestProvider.accessToken("carol", "carol-test-only"))
        .hasMessageContaining("invalid_grant");
    String admin = TestProvider.accessToken("carol", "carol-test-only", TestProvider.totp());
    assertThat(get("/api/panels/total/query", admin).statusCode()).isEqualTo(200);
  }

  @Test
  void probesStayOpen() {
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
  }

  HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app(path)))
        .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return TestProvider.send(request.build());
  }
}
