package io.astralytiq.runtime.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The browser's sign-in at the HTTP level, against the real provider's login page: every redirect is followed by
 * hand and checked (PKCE S256 in the authorization request, the provider's form posted with a test user's
 * password), then the page, the API with the session cookie, CSRF on sign-out, and sign-out ending the provider's
 * session too (RP-initiated logout).
 */
class AuthorizationCodeFlowIT extends SignedInRuntime {

  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @Test
  void anonymousPageIsSentToTheProviderAndAViewerSignsIn() {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.get(app("/"));
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(location(page)).endsWith(AccessConfiguration.LOGIN_PATH);

    HttpResponse<String> authorize = browser.get(location(page));
    assertThat(authorize.statusCode()).isEqualTo(302);
    String authorization = location(authorize);
    assertThat(authorization).startsWith(TestProvider.ISSUER + "/protocol/openid-connect/auth?")
        .contains("response_type=code", "client_id=dashboard", "code_challenge=", "code_challenge_method=S256");

    HttpResponse<String> login = signIn(browser, authorization, "alice", "alice-test-only");
    assertThat(login.statusCode()).as("the provider redirects back with a code").isEqualTo(302);
    assertThat(location(login)).startsWith(app("/login/oauth2/code/idp?"));

    HttpResponse<String> callback = browser.get(location(login));
    assertThat(callback.statusCode()).isEqualTo(302);
    HttpCookie session = browser.cookie("JSESSIONID");
    assertThat(session.isHttpOnly()).isTrue();

    HttpResponse<String> signedIn = browser.get(absolute(location(callback)));
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.body()).contains("id=\"signed-in\"", ">alice<", ">viewer<", "id=\"sign-out\"");
    assertThat(browser.api(app("/api/panels?region=AMER")).body()).contains("\"rows\":[[1350,675.0]]");
    assertThat(browser.api(app("/api/panels/total/query")).statusCode()).as("a viewer sees no query").isEqualTo(403);

    // Sign-out is a POST that needs the page's CSRF token: without it, refused; with it, the provider's session ends.
    assertThat(browser.post(app("/logout"), Map.of()).statusCode()).isEqualTo(403);
    Matcher csrf = CSRF.matcher(signedIn.body());
    assertThat(csrf.find()).as("the sign-out form carries a CSRF token").isTrue();
    HttpResponse<String> logout = browser.post(app("/logout"), Map.of("_csrf", csrf.group(1)));
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(location(logout)).startsWith(TestProvider.ISSUER + "/protocol/openid-connect/logout?")
        .contains("id_token_hint=", "post_logout_redirect_uri=");
    browser.get(location(logout));
    assertThat(browser.api(app("/api/panels")).statusCode()).as("the session is over").isEqualTo(401);
    HttpResponse<String> again = browser.get(authorization);
    assertThat(again.statusCode()).as("the provider asks for the password again").isEqualTo(200);
    assertThat(again.body()).contains("kc-form-login");
  }

  @Test
  void aSignedInMemberOfAnotherTenantGets403OnThePage() {
    Browser browser = new Browser();
    String authorization = location(browser.get(location(browser.get(app("/")))));
    HttpResponse<String> login = signIn(browser, authorization, "eve", "eve-test-only");
    HttpResponse<String> callback = browser.get(location(login));
    assertThat(browser.get(absolute(location(callback))).statusCode()).isEqualTo(403);
    assertThat(browser.api(app("/api/panels")).statusCode()).isEqualTo(403);
    assertThat(browser.api(app("/api/export.pdf")).statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> signIn(Browser browser, String authorization, String user, String password) {
    HttpResponse<String> form = browser.get(authorization);
    assertThat(form.statusCode()).isEqualTo(200);
    Matcher action = FORM_ACTION.matcher(form.body());
    assertThat(action.find()).as("the provider's login form").isTrue();
    return browser.post(action.group(1).replace("&amp;", "&"),
        Map.of("username", user, "password", password, "credentialId", ""));
  }

  private String absolute(String location) {
    return location.startsWith("/") ? app(location) : location;
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow(() ->
        new AssertionError("no Location in a " + response.statusCode() + " from " + response.uri()));
  }

  /**
   * Cookies for both servers (one host, two ports: cookies ignore ports), redirects followed by the test. Like a
   * browser, it sends Secure cookies to http://127.0.0.1, a potentially trustworthy origin: the provider marks its
   * own cookies Secure even over plain HTTP.
   */
  static final class Browser {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final CookieHandler loopbackIsSecure = new CookieHandler() {
      @Override
      public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
        URI asSecure = "127.0.0.1".equals(uri.getHost())
            ? URI.create("https" + uri.toString().substring(uri.getScheme().length())) : uri;
        return cookies.get(asSecure, headers);
      }

      @Override
      public void put(URI uri, Map<String, List<String>> headers) throws IOException {
        cookies.put(uri, headers);
      }
    };
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(loopbackIsSecure)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(String url) {
      return TestProvider.send(http, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Accept", "text/html").build());
    }

    /** What dashboard.js sends: the session cookie, JSON accepted. */
    HttpResponse<String> api(String url) {
      return TestProvider.send(http, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Accept", "application/json").build());
    }

    HttpResponse<String> post(String url, Map<String, String> fields) {
      return TestProvider.send(http, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(TestProvider.form(fields))).build());
    }

    HttpCookie cookie(String name) {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no cookie " + name));
    }
  }
}
