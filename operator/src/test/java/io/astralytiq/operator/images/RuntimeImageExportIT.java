package io.astralytiq.operator.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dashboard-runtime draws its PNG and PDF exports on the server, with Java2D, fonts and FreeType: this runs the amd64
 * image's own files (exported from the registry) with its entrypoint, environment and user, chrooted with a /proc of
 * its own and the host's loopback, the definition and data where the operator mounts them and the environment it
 * sets (RuntimeContract), and downloads both exports. Missing fonts or libraries make them fail.
 */
class RuntimeImageExportIT {

  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final String DEFINITION = """
      title: Image export check
      datasets:
        - {name: sales, format: csv, path: %s/sales.csv}
      panels:
        - {id: total, title: Total sales, type: metric, query: SELECT sum(amount) AS total FROM sales}
        - id: bars
          title: Sales by region
          type: bar
          query: SELECT region, sum(amount) AS amount FROM sales GROUP BY 1 ORDER BY 1
          x: region
          series: [amount]
      """.formatted(RuntimeContract.DATA_DIR);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void pngAndPdfExportsAreDrawnInsideTheImage(@TempDir Path dir) throws Exception {
    LocalImages images = LocalImages.ofThisBuild();
    OciRegistry registry = images.client();
    String repository = images.path(LocalImages.RUNTIME);
    OciRegistry.Manifest amd64 = registry.platform(repository,
        registry.manifest(repository, images.commitTag()), "amd64");
    JsonNode config = registry.config(repository, amd64).path("config");

    Path root = dir.resolve("rootfs");
    String ref = images.registry() + "/" + repository + "@" + amd64.digest();
    Command.Result export = Command.run(List.of(Project.path("hack/images").toString(), "export", ref, "linux/amd64",
        root.toString()), null, Duration.ofMinutes(5));
    assertThat(export.exitCode()).as("hack/images export: %s", export.stderr()).isZero();
    Path data = inTree(root, RuntimeContract.DATA_DIR);
    Files.createDirectories(data);
    Files.writeString(data.resolve("sales.csv"), "region,amount\nEMEA,120.5\nAMER,80\nAPAC,42\n");
    Path definitions = inTree(root, RuntimeContract.DEFINITION_DIR);
    Files.createDirectories(definitions);
    Files.writeString(definitions.resolve(RuntimeContract.DEFINITION_FILE), DEFINITION);
    devices(root);

    int port = freePort();
    Process runtime = start(root, config, port, dir.resolve("runtime.log"));
    try {
      await().atMost(STARTUP).pollInterval(Duration.ofMillis(500))
          .ignoreExceptionsInstanceOf(UncheckedIOException.class).until(() -> {
        assertThat(runtime.isAlive()).as("the runtime exited: %s", log(dir)).isTrue();
        return get(port, RuntimeContract.READINESS_PATH).statusCode() == 200;
      });

      HttpResponse<byte[]> png = get(port, "/api/panels/bars/export.png?width=640&height=360");
      assertThat(png.statusCode()).as(log(dir)).isEqualTo(200);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
      assertThat(image.getWidth()).isEqualTo(640);
      assertThat(image.getHeight()).isEqualTo(360);
      assertThat(nonWhitePixels(image)).as("bars and text are drawn").isGreaterThan(2000);

      HttpResponse<byte[]> metric = get(port, "/api/panels/total/export.png?width=400&height=200");
      assertThat(metric.statusCode()).as(log(dir)).isEqualTo(200);
      assertThat(nonWhitePixels(ImageIO.read(new ByteArrayInputStream(metric.body())))).as("the total, in text")
          .isGreaterThan(200);

      HttpResponse<byte[]> pdf = get(port, "/api/export.pdf");
      assertThat(pdf.statusCode()).as(log(dir)).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(pdf.body().length).isGreaterThan(2000);
    } finally {
      // The JVM itself first: unshare's --kill-child does not reach it, since the kernel drops the parent-death
      // signal when chroot --userspec changes the process's user.
      runtime.descendants().forEach(ProcessHandle::destroy);
      runtime.destroy();
      if (!runtime.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        runtime.descendants().forEach(ProcessHandle::destroyForcibly);
        runtime.destroyForcibly().waitFor();
      }
    }
  }

  /** The image's entrypoint as its user, with its environment only, in a chroot with a /proc of its own. */
  private static Process start(Path root, JsonNode config, int port, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/env", "-i"));
    config.path("Env").forEach(env -> command.add(env.asText()));
    command.addAll(List.of(
        RuntimeContract.DEFINITION_ENV + "=" + RuntimeContract.DEFINITION_DIR + "/" + RuntimeContract.DEFINITION_FILE,
        RuntimeContract.TEMP_DIR_ENV + "=" + RuntimeContract.TEMP_DIR,
        // loopback only, and a free port: the container's network would be its own
        "SERVER_ADDRESS=127.0.0.1", "SERVER_PORT=" + port));
    command.addAll(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork", "--kill-child",
        "--mount-proc=" + root.resolve("proc"), "/usr/sbin/chroot", "--userspec=" + config.path("User").asText(),
        root.toString()));
    config.path("Entrypoint").forEach(arg -> command.add(arg.asText()));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static Path inTree(Path root, String absolute) {
    return root.resolve(absolute.substring(1));
  }

  /** The device nodes a JVM opens, made in the tree (no bind mount that deleting the tree could reach through). */
  private static void devices(Path root) {
    String[][] nodes = {{"null", "3"}, {"zero", "5"}, {"random", "8"}, {"urandom", "9"}};
    for (String[] node : nodes) {
      Command.Result made = Command.run(List.of("mknod", "-m", "666", root.resolve("dev/" + node[0]).toString(), "c",
          "1", node[1]), null, Duration.ofSeconds(10));
      assertThat(made.exitCode()).as("mknod %s: %s", node[0], made.stderr()).isZero();
    }
  }

  private HttpResponse<byte[]> get(int port, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long nonWhitePixels(BufferedImage image) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          count++;
        }
      }
    }
    return count;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String log(Path dir) {
    try {
      String text = Files.readString(dir.resolve("runtime.log"));
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
