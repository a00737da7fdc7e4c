package io.astralytiq.operator.dashboard.images;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OCI registry on loopback for the client's unit tests (JDK HttpServer): serves the manifests and blobs it is given
 * (by tag and digest), anonymously, behind Basic auth or behind a Bearer token challenge, slowly when asked; counts
 * every request it answers, the token endpoint's too.
 */
final class RecordedRegistry implements AutoCloseable {

  enum Auth { NONE, BASIC, BEARER }

  static final String USER = "robot";
  static final String PASSWORD = "hunter2";
  static final String TOKEN = "token-for-the-test";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger tokens = new AtomicInteger();
  private volatile Auth auth = Auth.NONE;
  private volatile Duration delay = Duration.ZERO;
  private volatile int status;
  private volatile boolean redirectBlobs;
  private volatile boolean wrongDigestHeader;
  private final AtomicInteger storageRequestsWithAuthorization = new AtomicInteger();

  RecordedRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/v2/", this::registry);
    server.createContext("/token", this::token);
    server.createContext("/storage/", this::storage);
    server.start();
  }

  /** host:port, as an image reference names it. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String url() {
    return "http://" + address();
  }

  RecordedRegistry manifest(String repository, String reference, byte[] bytes) {
    manifests.put(repository + "/manifests/" + reference, bytes);
    manifests.put(repository + "/manifests/" + Digests.sha256(bytes), bytes);
    return this;
  }

  RecordedRegistry blob(String repository, byte[] bytes) {
    blobs.put(repository + "/blobs/" + Digests.sha256(bytes), bytes);
    return this;
  }

  /** The recorded image, tagged, with its recorded signature and payload. */
  RecordedRegistry signedImage(String repository, String tag) {
    return manifest(repository, tag, Recorded.bytes("image.json"))
        .manifest(repository, Digests.signatureTag(Recorded.IMAGE_DIGEST), Recorded.bytes("signed.sig.json"))
        .blob(repository, Recorded.bytes("signed.payload.json"));
  }

  void auth(Auth auth) {
    this.auth = auth;
  }

  /** Every answer waits this long first. */
  void delay(Duration delay) {
    this.delay = delay;
  }

  /** Every answer of /v2/ is this status (0: answer normally). */
  void failWith(int status) {
    this.status = status;
  }

  /** Blobs are answered with a redirect to a storage at another origin (localhost instead of 127.0.0.1). */
  void redirectBlobs() {
    this.redirectBlobs = true;
  }

  /** Manifests come with a Docker-Content-Digest that is not theirs. */
  void wrongDigestHeader() {
    this.wrongDigestHeader = true;
  }

  /** How many requests to the storage carried an Authorization header (none should). */
  int storageRequestsWithAuthorization() {
    return storageRequestsWithAuthorization.get();
  }

  int requests() {
    return requests.get();
  }

  int tokenRequests() {
    return tokens.get();
  }

  private void registry(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      pause();
      if (status != 0) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      if (!authorized(exchange)) {
        return;
      }
      String path = exchange.getRequestURI().getPath().substring("/v2/".length());
      byte[] body = path.contains("/manifests/") ? manifests.get(path) : blobs.get(path);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (path.contains("/manifests/")) {
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
        exchange.getResponseHeaders().add("Docker-Content-Digest",
            wrongDigestHeader ? "sha256:" + "0".repeat(64) : Digests.sha256(body));
      } else if (redirectBlobs) {
        exchange.getResponseHeaders().add("Location",
            "http://localhost:" + server.getAddress().getPort() + "/storage/" + path);
        exchange.sendResponseHeaders(307, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private boolean authorized(HttpExchange exchange) throws IOException {
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    switch (auth) {
      case BASIC -> {
        if (!basic().equals(given)) {
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"recorded\"");
          exchange.sendResponseHeaders(401, -1);
          return false;
        }
      }
      case BEARER -> {
        if (!("Bearer " + TOKEN).equals(given)) {
          String repository = exchange.getRequestURI().getPath().replaceFirst("^/v2/(.*)/(manifests|blobs)/.*$", "$1");
          exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"" + url()
              + "/token\",service=\"recorded\",scope=\"repository:" + repository + ":pull\"");
          exchange.sendResponseHeaders(401, -1);
          return false;
        }
      }
      default -> { }
    }
    return true;
  }

  private void storage(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      if (exchange.getRequestHeaders().containsKey("Authorization")) {
        storageRequestsWithAuthorization.incrementAndGet();
      }
      byte[] body = blobs.get(exchange.getRequestURI().getPath().substring("/storage/".length()));
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      tokens.incrementAndGet();
      String query = exchange.getRequestURI().getQuery();
      if (!basic().equals(exchange.getRequestHeaders().getFirst("Authorization")) || query == null
          || !query.contains("service=recorded") || !query.contains("scope=repository")) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      byte[] body = ("{\"token\":\"" + TOKEN + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private void pause() {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
