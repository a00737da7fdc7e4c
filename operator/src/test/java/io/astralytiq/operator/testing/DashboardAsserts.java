package io.astralytiq.operator.testing;

import static org.awaitility.Awaitility.await;

import io.astralytiq.api.v1alpha1.Dashboard;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Waits for what the operator makes eventually true, with messages that say what was awaited. */
public final class DashboardAsserts {

  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final KubernetesClient client;

  public DashboardAsserts(KubernetesClient client) {
    this.client = client;
  }

  public Dashboard get(String namespace, String name) {
    return client.resources(Dashboard.class).inNamespace(namespace).withName(name).get();
  }

  /** Waits until the Dashboard has condition {@code type} with {@code status} and {@code reason}, and returns it. */
  public Condition awaitCondition(String namespace, String name, String type, String status, String reason) {
    return awaitCondition(namespace, name, type, status, reason, TIMEOUT);
  }

  /** As above, for as long as given: real pods pull images and start JVMs. */
  public Condition awaitCondition(String namespace, String name, String type, String status, String reason,
      java.time.Duration timeout) {
    return await("condition " + type + "=" + status + " (" + reason + ") on " + namespace + "/" + name)
        .atMost(timeout)
        .until(() -> condition(get(namespace, name), type),
            c -> c != null && status.equals(c.getStatus()) && reason.equals(c.getReason()));
  }

  /** Waits until {@code read} gives a non-null value, and returns it. */
  public <T> T awaitPresent(String what, java.util.concurrent.Callable<T> read) {
    return await(what).atMost(TIMEOUT).until(read, Objects::nonNull);
  }

  public void awaitAbsent(String what, java.util.concurrent.Callable<?> read) {
    await(what).atMost(TIMEOUT).until(() -> read.call() == null);
  }

  /** The Events recorded about a Dashboard. */
  public List<Event> events(String namespace, String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())
            && "Dashboard".equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  public Event awaitEvent(String namespace, String name, String type, String reason) {
    return await("a " + type + " event " + reason + " about " + namespace + "/" + name).atMost(TIMEOUT)
        .until(() -> events(namespace, name).stream()
            .filter(e -> type.equals(e.getType()) && reason.equals(e.getReason())).findFirst().orElse(null),
            Objects::nonNull);
  }

  public static Condition condition(Dashboard dashboard, String type) {
    if (dashboard == null || dashboard.getStatus() == null) {
      return null;
    }
    return dashboard.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
        .orElse(null);
  }

  /**
   * Applies a change to the Dashboard as a user editing it would (read, change, update), reading again when the
   * operator wrote the status in between.
   */
  public Dashboard edit(String namespace, String name, Function<Dashboard, Dashboard> change) {
    return await("editing " + namespace + "/" + name).atMost(TIMEOUT).ignoreExceptionsMatching(
        e -> e instanceof KubernetesClientException k && k.getCode() == 409)
        .until(() -> client.resources(Dashboard.class).inNamespace(namespace).withName(name)
            .edit(d -> change.apply(d)), Objects::nonNull);
  }
}
