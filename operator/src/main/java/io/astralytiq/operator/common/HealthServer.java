package io.astralytiq.operator.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The operator's probes: /healthz answers while the process serves; /readyz only once the controllers started and
 * every informer is healthy, with the unhealthy ones named in the body; /metrics in Prometheus' text format.
 */
public final class HealthServer {

  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  public static HealthServer start(int port, RuntimeInfo runtime, OperatorMetrics metrics) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext("/healthz", exchange -> respond(exchange, 200, "ok"));
      server.createContext("/readyz", exchange -> {
        if (runtime.isStarted() && runtime.allEventSourcesAreHealthy()) {
          respond(exchange, 200, "ready");
        } else {
          respond(exchange, 503, runtime.isStarted() ? "unhealthy: " + runtime.unhealthyEventSources().keySet()
              : "starting");
        }
      });
      server.createContext("/metrics", exchange -> respond(exchange, 200, metrics.scrape()));
      server.start();
      return new HealthServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health checks on port " + port, e);
    }
  }

  public void stop() {
    server.stop(0);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
