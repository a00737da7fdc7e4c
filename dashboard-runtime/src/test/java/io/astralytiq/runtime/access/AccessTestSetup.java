package io.astralytiq.runtime.access;

import io.astralytiq.runtime.TestDashboards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings the operator will pass, pointed at the test provider, with the test realm's groups as members. */
final class AccessTestSetup {

  static final String MEMBERS = "group:acme-viewers=viewer,group:acme-editors=editor,group:acme-admins=admin";

  private AccessTestSetup() {}

  /** A runtime serving the test dashboard from dir, with sign-in on. */
  static void signedInRuntime(DynamicPropertyRegistry registry, Path dir) {
    registry.add("astralytiq.definition", () -> TestDashboards.write(dir, "1h").toString());
    registry.add("astralytiq.temp-dir", () -> dir.resolve("tmp").toString());
    signIn(registry, dir);
  }

  static void signIn(DynamicPropertyRegistry registry, Path dir) {
    registry.add("astralytiq.access.issuer", () -> TestProvider.ISSUER);
    registry.add("astralytiq.access.client-id", () -> TestProvider.CLIENT_ID);
    registry.add("astralytiq.access.client-secret-file", () -> secretFile(dir).toString());
    registry.add("astralytiq.access.members", () -> MEMBERS);
    registry.add("astralytiq.access.clock-skew", () -> "1s");
  }

  static Path secretFile(Path dir) {
    try {
      Path file = dir.resolve("client-secret");
      Files.writeString(file, TestProvider.CLIENT_SECRET + "\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
