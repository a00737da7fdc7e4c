package io.astralytiq.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * dashboard-runtime's executable jar, as the build packages it, serving one definition on loopback: what a pod of
 * the Dashboard runs, without a cluster.
 */
public final class LocalRuntime implements AutoCloseable {

  /**
   * Packaged before the operator's integration tests: the operator's pom declares the runtime as a test dependency
   * (nothing of it on the classpath) so that the reactor builds it first.
   */
  public static final Path JAR = Project.path("dashboard-runtime/target/dashboard-runtime.jar");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final LocalProcess process;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalRuntime(LocalProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the runtime on the definition file, its scratch files and log under {@code dir}, where its file datasets
   * lie too (the data root a pod has at /data), and waits until it is ready (the definition loaded, every dataset
   * loads).
   */
  public static LocalRuntime start(Path definition, Path dir) {
    assertThat(JAR).as("dashboard-runtime's jar; build it with the operator: ./mvnw -pl operator -am verify")
        .isRegularFile();
    int port = LocalProcess.freePort();
    Path temp = createDirectories(dir.resolve("runtime-tmp"));
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-jar", JAR.toString(),
        "--definition=" + definition, "--server.address=127.0.0.1", "--server.port=" + port,
        "--astralytiq.temp-dir=" + temp, "--astralytiq.datasets.roots=" + dir, "--logging.structured.format.console=");
    LocalRuntime runtime = new LocalRuntime(LocalProcess.start("dashboard-runtime", command,
        dir.resolve("runtime.log")), port);
    try {
      await(runtime.process.describe() + " ready").atMost(START_TIMEOUT)
          .failFast(runtime.process.describe() + " exited", runtime.process::exited)
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> runtime.get(RuntimeContract.READINESS_PATH).statusCode() == 200);
    } catch (RuntimeException | Error e) {
      e.addSuppressed(new AssertionError("the runtime's log ends with:\n" + runtime.process.logTail(30)));
      runtime.close();
      throw e;
    }
    return runtime;
  }

  /** Where Prometheus scrapes it: host and port. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** A GET of {@code pathAndQuery}, as a browser or a user's script would make it. */
  public HttpResponse<String> get(String pathAndQuery) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + pathAndQuery))
        .timeout(REQUEST_TIMEOUT).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  public String describe() {
    return process.describe();
  }

  public boolean exited() {
    return process.exited();
  }

  @Override
  public void close() {
    process.close();
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
