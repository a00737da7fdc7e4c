package io.astralytiq.operator.common;

import io.astralytiq.api.v1alpha1.Tenant;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices the cluster's store going back in time: etcd restored from a backup without moving its revision
 * forward (a volume snapshot put back, {@code etcdutl snapshot restore} without {@code --bump-revision}).
 *
 * <p>Its informers cannot tell. Their watches resume from resource versions the restored store has not reached, the
 * API server waits for them to come, and until they do the operator acts on caches of objects that no longer exist,
 * while it reports itself healthy. Resource versions are integers that only grow (KEP-5504 makes that a guarantee
 * from Kubernetes 1.35 on; before, they are etcd's revisions, which do the same), so the resource version of a list
 * read going below one read earlier is proof of a rewind. A restore that bumps the revision needs none of this: the
 * watches are told their versions are compacted and list again.
 *
 * <p>What to do then is the caller's: the operator exits, so that a new process lists everything afresh.
 */
public final class RewindGuard {

  public static final Duration PERIOD = Duration.ofSeconds(20);
  private static final Logger LOG = LoggerFactory.getLogger(RewindGuard.class);

  private final Supplier<OptionalLong> currentVersion;
  private long highest;

  RewindGuard(Supplier<OptionalLong> currentVersion) {
    this.currentVersion = currentVersion;
  }

  /**
   * Checks every {@link #PERIOD} on a thread of its own; {@code onRewind} gets a message naming both versions. A read
   * that fails (the API server restarting) is skipped: it is not evidence of anything.
   */
  public static ScheduledExecutorService start(KubernetesClient client, Consumer<String> onRewind) {
    RewindGuard guard = new RewindGuard(() -> listVersion(client));
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "rewind-guard");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        guard.check().ifPresent(onRewind);
      } catch (RuntimeException e) {
        LOG.debug("could not read the cluster's resource version: {}", e.toString());
      }
    }, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return timer;
  }

  /**
   * A message when the store's version is below the highest seen before, else empty (also when the version is not
   * an integer: an API server that is not backed by etcd has nothing to compare).
   */
  Optional<String> check() {
    OptionalLong read = currentVersion.get();
    if (read.isEmpty()) {
      return Optional.empty();
    }
    long now = read.getAsLong();
    if (now < highest) {
      return Optional.of("the cluster's resource version went back from " + highest + " to " + now
          + ": etcd was restored from a backup without moving its revision forward, and every cache of this"
          + " process is from after that backup");
    }
    highest = now;
    return Optional.empty();
  }

  /**
   * The store's version now: a list read without a resource version is served at the latest one. One Tenant at
   * most comes back (Tenants are cluster-scoped and the operator may list them wherever it watches Dashboards).
   */
  static OptionalLong listVersion(KubernetesClient client) {
    return parse(client.resources(Tenant.class).list(new ListOptionsBuilder().withLimit(1L).build())
        .getMetadata().getResourceVersion());
  }

  static OptionalLong parse(String version) {
    try {
      return version == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(version));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
