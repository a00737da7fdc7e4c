package io.astralytiq.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Properties;

/** Where the repository is, and the pinned versions in hack/versions.env, as the tests see them. */
public final class Project {

  private static final String VERSIONS = "hack/versions.env";

  private Project() {}

  public static Path root() {
    String configured = System.getProperty("astralytiq.root");
    if (configured != null && Files.exists(Paths.get(configured, VERSIONS))) {
      return Paths.get(configured);
    }
    // Running from an IDE: walk up from the module directory.
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(VERSIONS))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository root (no " + VERSIONS + " above the working dir)");
  }

  public static Path path(String relative) {
    return root().resolve(relative);
  }

  /** The Kubernetes version the tests run against, without the leading v (1.34.12). */
  public static String kubernetesVersion() {
    return versions().getProperty("KUBE_VERSION").replaceFirst("^v", "");
  }

  /** The directory where hack/ensure-test-binaries places kube-apiserver, etcd and kubectl. */
  public static Path testBinaries() {
    String dir = System.getenv().getOrDefault("KUBE_API_TEST_DIR", System.getProperty("user.home") + "/.kubeapitest");
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    arch = arch.equals("x86_64") || arch.equals("amd64") ? "amd64" : "arm64";
    return Paths.get(dir, "k8s", kubernetesVersion() + "-linux-" + arch);
  }

  private static Properties versions() {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path(VERSIONS))) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
