package io.astralytiq.operator.dashboard.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astralytiq.operator.dashboard.images.RegistryException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the OCI distribution API to read an image's manifest and its signature: manifests and blobs, each
 * checked against its digest and bounded in size, anonymously, with Basic credentials, or with the token a
 * {@code WWW-Authenticate: Bearer} challenge points at. Every request, token requests and redirects included, is
 * bounded by the settings' timeout as a whole and counted ({@code onRequest}). Nothing it throws or logs holds a
 * credential or a token.
 */
final class RegistryClient {

  static final int MAX_MANIFEST_BYTES = 4 << 20;
  private static final int MAX_TOKEN_BYTES = 64 << 10;
  private static final int MAX_REDIRECTS = 5;
  private static final String MANIFEST_TYPES = String.join(", ", "application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.distribution.manifest.v2+json");
  private static final Pattern CHALLENGE_PARAM = Pattern.compile("([A-Za-z]+)=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A manifest or index as the registry stored it, with the digest of its bytes. */
  record Manifest(String digest, byte[] bytes) {}

  private final RegistrySettings settings;
  private final Runnable onRequest;
  private final HttpClient http;

  RegistryClient(RegistrySettings settings, Runnable onRequest) {
    this.settings = settings;
    this.onRequest = onRequest;
    // Redirects by hand: the JDK would send the registry's Authorization on to wherever a blob is stored.
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The calls of one check of one repository: the authorization it earned is kept for the next call. */
  Session session(ImageReference image, RegistryCredential credential) {
    return new Session(image, credential);
  }

  final class Session {

    private final ImageReference image;
    private final RegistryCredential credential;
    private final String base;
    private String authorization;

    private Session(ImageReference image, RegistryCredential credential) {
      this.image = image;
      this.credential = credential;
      this.base = settings.baseUrl(image.registry()) + "/v2/" + image.repository() + "/";
    }

    /** The manifest a tag or digest names, empty when the registry has none (404). */
    Optional<Manifest> manifest(String reference) throws RegistryException {
      String what = image.registry() + "/" + image.repository() + ":" + reference;
      HttpResponse<byte[]> response = get(URI.create(base + "manifests/" + reference), MANIFEST_TYPES,
          MAX_MANIFEST_BYTES, false, "the manifest " + what);
      if (response.statusCode() == 404) {
        return Optional.empty();
      }
      expectOk(response, "the manifest " + what);
      String digest = Digests.sha256(response.body());
      Optional<String> claimed = response.headers().firstValue("Docker-Content-Digest");
      if (claimed.isPresent() && !claimed.get().equals(digest)) {
        throw new RegistryException(Kind.TAMPERED, "the registry says the manifest " + what + " is " + claimed.get()
            + " but its bytes hash to " + digest + " (tampered with in transit or in storage)");
      }
      if (reference.startsWith("sha256:") && !reference.equals(digest)) {
        throw new RegistryException(Kind.TAMPERED, "the manifest served for " + what + " hashes to " + digest
            + " (tampered with in transit or in storage)");
      }
      return Optional.of(new Manifest(digest, response.body()));
    }

    /** A blob's bytes, at most {@code max} of them, checked against its digest; redirects are followed. */
    byte[] blob(String digest, int max) throws RegistryException {
      String what = "the blob " + image.registry() + "/" + image.repository() + "@" + digest;
      HttpResponse<byte[]> response = get(URI.create(base + "blobs/" + digest), "*/*", max, true, what);
      expectOk(response, what);
      String actual = Digests.sha256(response.body());
      if (!actual.equals(digest)) {
        throw new RegistryException(Kind.TAMPERED, what + " hashes to " + actual + " (tampered with)");
      }
      return response.body();
    }

    private HttpResponse<byte[]> get(URI uri, String accept, int max, boolean followRedirects, String what)
        throws RegistryException {
      HttpResponse<byte[]> response = exchange(uri, accept, max, authorization, what);
      if (response.statusCode() == 401) {
        String earned = authenticate(response.headers().firstValue("WWW-Authenticate").orElse(""));
        if (earned != null && !earned.equals(authorization)) {
          authorization = earned;
          response = exchange(uri, accept, max, authorization, what);
        }
      }
      URI at = uri;
      for (int hops = 0; followRedirects && isRedirect(response.statusCode()); hops++) {
        Optional<String> location = response.headers().firstValue("Location");
        if (hops == MAX_REDIRECTS || location.isEmpty()) {
          throw new RegistryException(Kind.REFUSED, image.registry() + " redirected " + what
              + (location.isEmpty() ? " nowhere" : " more than " + MAX_REDIRECTS + " times"));
        }
        URI next = at.resolve(location.get());
        if (!"https".equals(next.getScheme()) && !"http".equals(at.getScheme())) {
          throw new RegistryException(Kind.REFUSED, image.registry() + " redirected " + what + " away from HTTPS");
        }
        // The registry's credentials stay with the registry: storage behind a redirect gets none.
        boolean sameOrigin = next.getScheme().equals(uri.getScheme()) && next.getAuthority().equals(uri.getAuthority());
        response = exchange(next, accept, max, sameOrigin ? authorization : null, what);
        at = next;
      }
      return response;
    }

    /** The Authorization a 401's challenge asks for, or null when there is nothing better to send. */
    private String authenticate(String challenge) throws RegistryException {
      String scheme = challenge.trim().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      if (scheme.equals("basic")) {
        return credential == null ? null : basic(credential);
      }
      if (!scheme.equals("bearer")) {
        return null;
      }
      Map<String, String> params = new LinkedHashMap<>();
      Matcher m = CHALLENGE_PARAM.matcher(challenge);
      while (m.find()) {
        params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
      }
      String realm = params.get("realm");
      if (realm == null || !(realm.startsWith("https://") || realm.startsWith("http://"))) {
        throw new RegistryException(Kind.REFUSED, image.registry() + " asked for a token without an http(s) realm");
      }
      StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
      if (params.containsKey("service")) {
        url.append("service=").append(encode(params.get("service"))).append('&');
      }
      url.append("scope=").append(encode(params.getOrDefault("scope", "repository:" + image.repository() + ":pull")));
      String what = "a token from " + URI.create(realm).getAuthority();
      HttpResponse<byte[]> response = exchange(URI.create(url.toString()), "application/json", MAX_TOKEN_BYTES,
          credential == null ? null : basic(credential), what);
      expectOk(response, what);
      try {
        JsonNode json = JSON.readTree(response.body());
        String token = json.path("token").asText(json.path("access_token").asText(""));
        if (token.isEmpty()) {
          throw new RegistryException(Kind.REFUSED, "the token service of " + image.registry() + " gave no token");
        }
        return "Bearer " + token;
      } catch (IOException e) {
        throw new RegistryException(Kind.REFUSED, "the token service of " + image.registry() + " answered no JSON");
      }
    }

    private void expectOk(HttpResponse<byte[]> response, String what) throws RegistryException {
      int status = response.statusCode();
      if (status == 200) {
        return;
      }
      String answered = image.registry() + " answered HTTP " + status + " for " + what;
      throw switch (status) {
        case 404 -> new RegistryException(Kind.NOT_FOUND, what + " is not there (HTTP 404)");
        case 401, 403 -> new RegistryException(Kind.REFUSED, answered + ": check the image pull Secret's credentials");
        case 408, 429 -> new RegistryException(Kind.UNREACHABLE, answered);
        default -> new RegistryException(status >= 500 ? Kind.UNREACHABLE : Kind.REFUSED, answered);
      };
    }
  }

  private HttpResponse<byte[]> exchange(URI uri, String accept, int max, String authorization, String what)
      throws RegistryException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).header("Accept", accept)
        .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    onRequest.run();
    CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request.build(), LimitedBody.handler(max));
    try {
      return response.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      response.cancel(true);
      throw timedOut(uri, what);
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      throw new RegistryException(Kind.UNREACHABLE, "interrupted while asking " + uri.getAuthority() + " for " + what);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof LimitedBody.TooLarge) {
        throw new RegistryException(Kind.TAMPERED, what + " is " + cause.getMessage());
      }
      if (cause instanceof HttpTimeoutException) {
        throw timedOut(uri, what);
      }
      throw new RegistryException(Kind.UNREACHABLE, "cannot reach " + uri.getAuthority() + " for " + what + " ("
          + cause.getClass().getSimpleName() + ")");
    }
  }

  private RegistryException timedOut(URI uri, String what) {
    return new RegistryException(Kind.UNREACHABLE, uri.getAuthority() + " did not answer within "
        + settings.timeout().toMillis() + " ms for " + what);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String basic(RegistryCredential credential) {
    return "Basic " + Base64.getEncoder().encodeToString((credential.username() + ":" + credential.password())
        .getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
