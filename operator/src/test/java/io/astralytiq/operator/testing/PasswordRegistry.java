package io.astralytiq.operator.testing;

import static org.awaitility.Awaitility.await;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * A registry of the test's own that asks for a user name and password (distribution's registry with htpasswd, the
 * binary hack/build-binaries builds for the local registry), on a loopback port, its storage in a directory of the
 * test's: what a team's private registry is to the operator.
 */
public final class PasswordRegistry implements AutoCloseable {

  private final String address;
  private final String user;
  private final String password;
  private final Path dockerConfig;
  private final LocalProcess process;

  private PasswordRegistry(String address, String user, String password, Path dockerConfig, LocalProcess process) {
    this.address = address;
    this.user = user;
    this.password = password;
    this.dockerConfig = dockerConfig;
    this.process = process;
  }

  public static PasswordRegistry start(Path dir, String user, String password) {
    int port = LocalProcess.freePort();
    String address = "127.0.0.1:" + port;
    try {
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      Files.writeString(dir.resolve("htpasswd"), user + ":" + OpenBSDBCrypt.generate("2y", password.toCharArray(),
          salt, 10) + "\n");
      Files.createDirectories(dir.resolve("data"));
      Files.writeString(dir.resolve("config.yml"), """
          version: 0.1
          log: {level: warn, accesslog: {disabled: true}}
          storage: {filesystem: {rootdirectory: %s}}
          http: {addr: "%s"}
          auth: {htpasswd: {realm: test, path: %s}}
          """.formatted(dir.resolve("data"), address, dir.resolve("htpasswd")));
      Path docker = Files.createDirectories(dir.resolve("docker"));
      Files.writeString(docker.resolve("config.json"), dockerConfigJson(address, user, password));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalProcess process = LocalProcess.start("registry " + address, List.of(binary(), "serve",
        dir.resolve("config.yml").toString()), dir.resolve("registry.log"));
    PasswordRegistry registry = new PasswordRegistry(address, user, password, dir.resolve("docker"), process);
    HttpClient http = HttpClient.newHttpClient();
    await(process.describe() + " answering").atMost(Duration.ofSeconds(30)).ignoreExceptions().failFast(process::exited)
        .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/v2/")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 401);
    return registry;
  }

  /** host:port, as image references name it. */
  public String address() {
    return address;
  }

  /** A {@code .dockerconfigjson} with this registry's credentials, as an image pull Secret holds it. */
  public String dockerConfigJson() {
    return dockerConfigJson(address, user, password);
  }

  public String password() {
    return password;
  }

  /** crane and cosign with this registry's credentials. */
  public SignedImages images() {
    return SignedImages.withDockerConfig(dockerConfig);
  }

  @Override
  public void close() {
    process.close();
  }

  private static String dockerConfigJson(String address, String user, String password) {
    String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return "{\"auths\":{\"" + address + "\":{\"auth\":\"" + auth + "\"}}}";
  }

  private static String binary() {
    Command.Result result = Command.run(List.of("bash", "-c", Project.path("hack/build-binaries") + " registry >&2"
        + " && source " + Project.path("hack/lib/versions.sh") + " && echo \"$REGISTRY_BIN_DIR/registry\""), null,
        Duration.ofMinutes(10));
    if (result.exitCode() != 0) {
      throw new IllegalStateException("hack/build-binaries registry: " + result.stderr());
    }
    return result.stdout().strip();
  }
}
