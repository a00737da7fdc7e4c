package io.astralytiq.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astralytiq.api.runtime.RuntimeContract;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The real node of hack/cluster as the end-to-end tests use it: the images this build pushed to the local registry,
 * a dashboard's HTTP answers through the API server's service proxy (the API server runs on the host, which routes
 * to the node's pods), and a container's process as the host sees it.
 */
public final class RealNode {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RealNode() {}

  /** dashboard-runtime as this build pushed it, tagged with the commit (hack/images). */
  public static String runtimeImage() {
    return image("dashboard-runtime");
  }

  /** The operator's image as this build pushed it. */
  public static String operatorImage() {
    return image("astralytiq-operator");
  }

  /** An image of this build's registry, by repository name and the build's commit tag. */
  public static String image(String name) {
    Properties images = images();
    return images.getProperty("astralytiq.registry") + "/" + System.getProperty("astralytiq.images.repository",
        "astralytiq") + "/" + name + ":" + images.getProperty("astralytiq.git.short");
  }

  /** GET on a dashboard's Service (its http port) through the API server; fails on an answer other than 2xx. */
  public static String get(KubernetesClient client, String namespace, String service, String path) {
    return client.raw("/api/v1/namespaces/" + namespace + "/services/" + service + ":" + RuntimeContract.PORT_NAME
        + "/proxy" + path);
  }

  /** The runtime's /api/panels of a dashboard, as JSON. */
  public static JsonNode panels(KubernetesClient client, String namespace, String service) {
    String body = get(client, namespace, service, "/api/panels");
    if (body == null) {
      throw new IllegalStateException("no answer from /api/panels of " + namespace + "/" + service);
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("/api/panels of " + namespace + "/" + service + " is not JSON: " + body, e);
    }
  }

  /**
   * The host pid of a pod's container: the process whose cgroup names the container's id (cgroupfs driver). Reading
   * /proc/{pid} then shows the container as it sees itself: its user and its own mount table.
   */
  public static long containerPid(Pod pod, String container) {
    String id = pod.getStatus().getContainerStatuses().stream().filter(s -> s.getName().equals(container))
        .findFirst().orElseThrow().getContainerID().replaceFirst("^[a-z]+://", "");
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> read(p.resolve("cgroup")).contains(id))
          .mapToLong(p -> Long.parseLong(p.getFileName().toString())).min()
          .orElseThrow(() -> new IllegalStateException("no process of container " + id + " on this host"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static Properties images() {
    String file = System.getProperty("astralytiq.images.properties");
    if (file == null) {
      throw new IllegalStateException("system property astralytiq.images.properties is not set: the real-node tests"
          + " run under failsafe after the images are built (package phase, hack/images)");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(file))) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (written by hack/images prepare)", e);
    }
    return properties;
  }
}
