package io.astralytiq.runtime.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on 127.0.0.1 playing the sources a hostile author points URL datasets at: a good CSV, redirects
 * to places the runtime must not go, a body larger than the download cap (declared or not) and one that sends its
 * headers and then nothing, for longer than the load timeout (at most 30 s, or until the test closes it).
 */
final class HostileSource implements AutoCloseable {

  static final String GOOD_CSV = "region,amount\nEMEA,10\nAMER,20\n";

  private final HttpServer server;
  private final CountDownLatch closed = new CountDownLatch(1);

  HostileSource() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "hostile-source");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/good.csv", x -> send(x, 200, GOOD_CSV));
    server.createContext("/redirect", x -> {
      x.getResponseHeaders().add("Location", x.getRequestURI().getRawQuery().substring("to=".length()));
      send(x, 302, "");
    });
    server.createContext("/declared-big.csv", x -> {
      // The header alone must be refused: the body is held back (closing at once raced the client, which then
      // saw a cut-off body instead of the declared size).
      x.sendResponseHeaders(200, 10_000_000);
      try (OutputStream out = x.getResponseBody()) {
        out.flush();
        closed.await(3, TimeUnit.SECONDS); // long enough for the header to be judged; a thread of four is held
      } catch (IOException | InterruptedException gone) {
        // the client gave up on it, as it should
      }
    });
    server.createContext("/streamed-big.csv", x -> {
      x.sendResponseHeaders(200, 0);
      try (OutputStream out = x.getResponseBody()) {
        byte[] line = "EMEA,1\n".repeat(1024).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2000; i++) {
          out.write(line);
        }
      } catch (IOException gone) {
        // the runtime hung up at its cap, which is the point
      }
    });
    server.createContext("/slow.csv", x -> {
      x.sendResponseHeaders(200, 0);
      try (OutputStream out = x.getResponseBody()) {
        out.write("region,amount\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        closed.await(30, TimeUnit.SECONDS); // then nothing more, until the test ends or 30 s pass
      } catch (IOException | InterruptedException gone) {
        // the runtime hung up at its load timeout
      }
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** A URL by the allowed name localhost; the same server by address is what the policy must refuse. */
  String byName(String path) {
    return "http://localhost:" + port() + path;
  }

  String byAddress(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  private static void send(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
