package io.astralytiq.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A program a test runs in the background (a server), its output going to a log file. Closing it stops it: SIGTERM,
 * then SIGKILL when it has not exited in time. A JVM shutdown hook stops it too, so that a test JVM stopped half way
 * (Ctrl-C, failsafe's timeout) leaves no server behind.
 */
public final class LocalProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private final String name;
  private final Process process;
  private final Path log;
  private final Thread stopOnJvmExit;

  private LocalProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.stopOnJvmExit = new Thread(process::destroyForcibly, "stop " + name);
    Runtime.getRuntime().addShutdownHook(stopOnJvmExit);
  }

  public static LocalProcess start(String name, List<String> command, Path log) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new LocalProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  /** A TCP port free on loopback just now, for a server to listen on. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether it has exited: a condition awaiting it can then no longer come true (Awaitility's failFast). */
  public boolean exited() {
    return !process.isAlive();
  }

  /** Its name and where its log is, for failure messages. */
  public String describe() {
    return name + " (log: " + log + ")";
  }

  /** The last lines it printed. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops the process as well
    }
    process.destroy();
    try {
      process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
