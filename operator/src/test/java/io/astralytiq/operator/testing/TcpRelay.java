package io.astralytiq.operator.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on a loopback port to one address, that a test cuts and mends: the network between the operator and
 * a registry going away and coming back, without stopping the registry other tests use. Cut, new connections are
 * refused and open ones are closed.
 */
public final class TcpRelay implements AutoCloseable {

  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "tcp-relay");
    thread.setDaemon(true);
    return thread;
  });
  private volatile ServerSocket server;

  public TcpRelay(String host, int targetPort) {
    this.target = new InetSocketAddress(host, targetPort);
    this.server = bind(0);
    this.port = server.getLocalPort();
    threads.submit(() -> accept(server));
  }

  /** The port on 127.0.0.1 that relays to the target. */
  public int port() {
    return port;
  }

  /** Refuses new connections and closes the open ones. */
  public synchronized void cut() {
    closeQuietly(server);
    open.forEach(TcpRelay::closeQuietly);
    open.clear();
  }

  /** Relays again, on the same port. */
  public synchronized void mend() {
    if (server.isClosed()) {
      server = bind(port);
      ServerSocket listening = server;
      threads.submit(() -> accept(listening));
    }
  }

  @Override
  public void close() {
    cut();
    threads.shutdownNow();
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      Socket client;
      try {
        client = listening.accept();
      } catch (IOException e) {
        return; // closed by cut()
      }
      Socket upstream = new Socket();
      try {
        upstream.connect(target, 5_000);
      } catch (IOException e) {
        closeQuietly(client);
        continue;
      }
      open.add(client);
      open.add(upstream);
      threads.submit(() -> pump(client, upstream));
      threads.submit(() -> pump(upstream, client));
    }
  }

  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side went away
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static ServerSocket bind(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
