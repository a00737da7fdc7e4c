package io.astralytiq.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astralytiq.api.runtime.RuntimeContract;
import io.astralytiq.api.v1alpha1.Dashboard;
import io.astralytiq.testing.Project;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The real node of hack/cluster as the end-to-end tests use it: the images this build pushed to the local registry,
 * a dashboard's HTTP answers through the API server's service proxy (the API server runs on the host, which routes
 * to the node's pods), and a container's process as the host sees it.
 */
public final class RealNode {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RealNode() {}

  /** dashboard-runtime as this build pushed it, by digest (hack/images writes image.ref beside Jib's files). */
  public static String runtimeImage() {
    return pushed("dashboard-runtime");
  }

  /** The operator's image as this build pushed it, by digest. */
  public static String operatorImage() {
    return pushed("operator");
  }

  /** A repository next to this build's images in the local registry, such as 198.18.0.1:5000/astralytiq/crashloop. */
  public static String repository(String name) {
    String runtime = repositoryOf(runtimeImage());
    return runtime.substring(0, runtime.lastIndexOf('/') + 1) + name;
  }

  /** The repository of a reference, without its tag or digest. */
  public static String repositoryOf(String reference) {
    String withoutDigest = reference.replaceFirst("@sha256:[0-9a-f]{64}$", "");
    return withoutDigest.lastIndexOf(':') > withoutDigest.lastIndexOf('/')
        ? withoutDigest.substring(0, withoutDigest.lastIndexOf(':')) : withoutDigest;
  }

  /**
   * A Dashboard on the runtime's built-in sample orders, one metric panel "count" (the number of orders): a real
   * runtime that needs no data volume and starts in seconds.
   */
  public static Dashboard sampleDashboard(String namespace, String name, String title) {
    Dashboard dashboard = Serialization.unmarshal("""
        apiVersion: astralytiq.io/v1alpha1
        kind: Dashboard
        metadata: {name: sample}
        spec:
          definition:
            datasets: [{name: orders, format: sample, sample: orders}]
            panels:
            - {id: count, title: Orders, type: metric, query: 'SELECT count(*) AS orders FROM orders', x: orders,
               grid: {col: 0, row: 0, width: 4, height: 2}}
        """, Dashboard.class);
    dashboard.getMetadata().setNamespace(namespace);
    dashboard.getMetadata().setName(name);
    dashboard.getSpec().getDefinition().setTitle(title);
    return dashboard;
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

  private static String pushed(String module) {
    Path ref = Project.path(module + "/target/image.ref");
    try {
      return Files.readString(ref).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("no " + ref + ": the images are built and pushed in the package phase (hack/images"
          + " publish writes it), before the real-node tests run", e);
    }
  }
}
