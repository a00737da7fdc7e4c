package io.astralytiq.runtime.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CSV served over HTTP on 127.0.0.1 that a test can make fail (HTTP 503, as a server in trouble answers) or
 * hang (the request is taken and no answer comes until the mode changes), and then serve again.
 */
final class FlakySource implements AutoCloseable {

  enum Mode { SERVING, FAILING, HANGING }

  private final HttpServer server;
  private final String csv;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Mode mode = Mode.SERVING;

  FlakySource(String path, String csv) {
    this.csv = csv;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Threads enough for the hung requests a test leaves behind besides the ones it wants answered.
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "flaky-source");
      t.setDaemon(true);
      return t;
    }));
    server.createContext(path, this::answer);
    server.start();
  }

  /** By the name the runtime's egress configuration allows; loopback by address is refused. */
  String url(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  void mode(Mode mode) {
    synchronized (this) {
      this.mode = mode;
      notifyAll();
    }
  }

  /** Requests received so far: how often the runtime tried. */
  int requests() {
    return requests.get();
  }

  private void answer(HttpExchange x) throws IOException {
    requests.incrementAndGet();
    try (x) {
      waitWhileHanging();
      byte[] body = (mode == Mode.SERVING ? csv : "try again later").getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(mode == Mode.SERVING ? 200 : 503, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private synchronized void waitWhileHanging() {
    try {
      while (mode == Mode.HANGING) {
        wait();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    mode(Mode.SERVING);
    server.stop(0);
  }
}
