package io.astralytiq.runtime.egress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches a URL into a file under the egress policy. Redirects are followed here, not by the HTTP client, so each
 * hop's host is checked before it is contacted; the body is copied up to a byte cap (a declared Content-Length
 * above it is refused before reading), so a download never fills the temp volume the pod is evicted for.
 * Blocking and interruptible: the caller bounds the time by interrupting the thread.
 */
public final class Downloader {

  static final int MAX_REDIRECTS = 5;

  private final EgressPolicy policy;
  private final long maxBytes;
  private final HttpClient http;

  public Downloader(EgressPolicy policy, long maxBytes, Duration connectTimeout) {
    this.policy = policy;
    this.maxBytes = maxBytes;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * @throws EgressRefusedException when a hop leads where the policy refuses
   * @throws DownloadException when the server fails, redirects too often or sends too much
   */
  public void download(URI url, Path target, Duration headersTimeout) throws IOException, InterruptedException {
    URI current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      policy.check(current);
      HttpRequest request = HttpRequest.newBuilder(current).timeout(headersTimeout).GET().build();
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        int status = response.statusCode();
        if (status / 100 == 3 && response.headers().firstValue("Location").isPresent()) {
          current = current.resolve(response.headers().firstValue("Location").get());
          continue;
        }
        if (status / 100 != 2) {
          throw new DownloadException("HTTP " + status + " from " + safe(current));
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
          throw new DownloadException(safe(current) + " declares " + declared + " bytes, more than the limit of "
              + maxBytes);
        }
        copyCapped(body, target);
        return;
      }
    }
    throw new DownloadException("more than " + MAX_REDIRECTS + " redirects from " + safe(url));
  }

  private void copyCapped(InputStream body, Path target) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int n; (n = body.read(buffer)) >= 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new DownloadException("the download passed the limit of " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
    }
  }

  /** A URL as it may be shown on a panel or logged: its query string may carry a token, so it is left out. */
  public static String safe(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** The server answered, but not with a file the runtime takes. */
  public static final class DownloadException extends IOException {
    public DownloadException(String message) {
      super(message);
    }
  }
}
