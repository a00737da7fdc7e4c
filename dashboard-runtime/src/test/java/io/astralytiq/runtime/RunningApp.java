package io.astralytiq.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.core.env.Environment;

/** Plain HTTP against the application a full test started on a random loopback port. */
public final class RunningApp {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public RunningApp(Environment env) {
    this.base = "http://127.0.0.1:" + env.getRequiredProperty("local.server.port");
  }

  public String url(String path) {
    return base + path;
  }

  public HttpResponse<String> get(String path) {
    return send(path, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> bytes(String path) {
    return send(path, HttpResponse.BodyHandlers.ofByteArray());
  }

  public <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpClient client() {
    return http;
  }
}
