package io.astralytiq.operator.images;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What this build pushed: the registry, the commit and the version the images are tagged with, as hack/images prepare
 * wrote them for Jib (the file is handed to the tests by failsafe as astralytiq.images.properties).
 */
record LocalImages(String registry, String repository, String commitTag, String versionTag, String commit,
    String baseImage) {

  static final String OPERATOR = "astralytiq-operator";
  static final String RUNTIME = "dashboard-runtime";

  static LocalImages ofThisBuild() {
    Path file = Path.of(required("astralytiq.images.properties"));
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      p.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("no " + file + ": the images are built in the package phase (hack/images)", e);
    }
    return new LocalImages(p.getProperty("astralytiq.registry"), required("astralytiq.images.repository"),
        "sha-" + p.getProperty("astralytiq.git.short"), required("astralytiq.version"), p.getProperty("astralytiq.git.commit"),
        p.getProperty("astralytiq.base.image"));
  }

  /** The repository path of an image in the registry, e.g. astralytiq/dashboard-runtime. */
  String path(String image) {
    return repository + "/" + image;
  }

  OciRegistry client() {
    return new OciRegistry(registry);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set (the failsafe configuration sets it)");
    }
    return value;
  }
}
