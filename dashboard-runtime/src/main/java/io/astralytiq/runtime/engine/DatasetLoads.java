package io.astralytiq.runtime.engine;

import static io.astralytiq.api.runtime.RuntimeMetrics.DATASET_LOAD;
import static io.astralytiq.api.runtime.RuntimeMetrics.DATASET_LOADS_RUNNING;
import static io.astralytiq.api.runtime.RuntimeMetrics.DATASET_LOADS_STUCK;
import static io.astralytiq.api.runtime.RuntimeMetrics.OUTCOME_ERROR;
import static io.astralytiq.api.runtime.RuntimeMetrics.OUTCOME_SUCCESS;
import static io.astralytiq.api.runtime.RuntimeMetrics.OUTCOME_TIMEOUT;
import static io.astralytiq.api.runtime.RuntimeMetrics.TAG_DATASET;
import static io.astralytiq.api.runtime.RuntimeMetrics.TAG_OUTCOME;

import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.runtime.RuntimeProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs dataset loads on their own small pool, never on a request or query thread, each under its own timeout: at
 * the timeout its statements are cancelled and its thread interrupted, and the dataset's panels get an error. A
 * load is started when a query or the readiness probe needs the dataset and it is not loaded or has changed (a file
 * when its size or modification time moved, checked at most once per refresh interval; a URL or database once per
 * refresh interval). Concurrent callers share one load, and only the first load of a dataset is waited for: once
 * there is a table or an error, later loads run in the background and callers are answered at once with what is
 * there, so a source that hangs holds no request thread. After a failure the error is answered for a while before
 * the next try, longer with each failure in a row ({@link RetryBackoff}), so a source that is away is not asked
 * again by every request, and a source that is back is loaded again without anyone restarting anything. A load that
 * does not stop when cancelled is reported as stuck, to readiness and in a metric.
 */
final class DatasetLoads implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatasetLoads.class);

  private final DatasetLoader loader;
  private final Supplier<Connection> connections;
  private final RuntimeProperties.Datasets limits;
  private final Duration recheckAfter;
  private final RetryBackoff backoff;
  private final MeterRegistry registry;
  private final ExecutorService pool;
  private final ScheduledExecutorService watchdog;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  private static final class State {
    long checkedAtNanos;
    String fingerprint;
    boolean loaded;
    CompletableFuture<Void> inFlight;
    long startedNanos;
    String error;
    long failedAtNanos;
    int failures;

    /** Whether callers have something to be answered with: a table, or the last load's error. */
    boolean answered() {
      return loaded || error != null;
    }
  }

  DatasetLoads(DatasetLoader loader, Supplier<Connection> connections, RuntimeProperties.Datasets limits,
      Duration recheckAfter, MeterRegistry registry) {
    this.loader = loader;
    this.connections = connections;
    this.limits = limits;
    this.recheckAfter = recheckAfter;
    this.backoff = new RetryBackoff(limits.retryAfter(), limits.retryAfterMax());
    this.registry = registry;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(Math.max(1, limits.loadThreads()), r -> daemon(r, "dataset-load-"
        + n.incrementAndGet()));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dataset-load-timeout"));
    Gauge.builder(DATASET_LOADS_RUNNING, states, s -> s.values().stream().filter(x -> x.inFlight != null).count())
        .description("Dataset loads running now").register(registry);
    Gauge.builder(DATASET_LOADS_STUCK, this, DatasetLoads::stuckCount)
        .description("Dataset loads still running after their timeout cancelled them").register(registry);
  }

  /**
   * Waits for the dataset's first load, at most the load timeout; afterwards answers at once.
   *
   * @throws QueryException naming the dataset when its first load fails or times out, or its last load failed
   */
  void await(Dataset ds) {
    CompletableFuture<Void> load = ensure(ds);
    try {
      load.get(limits.loadTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new QueryException(DatasetLoader.label(ds) + " is still loading after "
          + limits.loadTimeout().toSeconds() + "s", true, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof QueryException q ? q : new QueryException(DatasetLoader.label(ds) + ": "
          + DatasetLoader.firstLine(e.getCause()), false, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryException("interrupted", false, e);
    }
  }

  /**
   * Starts the load if one is due. Before the dataset's first load is done the future completes with it; after
   * that it is complete at once: the current table, or failed with the last error.
   */
  CompletableFuture<Void> ensure(Dataset ds) {
    State s = states.computeIfAbsent(ds.getName(), k -> new State());
    synchronized (s) {
      CompletableFuture<Void> load = s.inFlight != null ? s.inFlight : startIfDue(s, ds);
      if (!s.answered()) {
        return load; // a first load: started above, since nothing is there yet
      }
      return s.error == null ? CompletableFuture.completedFuture(null)
          : CompletableFuture.failedFuture(new QueryException(s.error, false, null));
    }
  }

  /** Called holding the state's lock; null when no load is due. */
  private CompletableFuture<Void> startIfDue(State s, Dataset ds) {
    long now = System.nanoTime();
    if (s.error != null && now - s.failedAtNanos < backoff.after(s.failures).toNanos()) {
      return null;
    }
    if (s.loaded && s.error == null && now - s.checkedAtNanos < recheckAfter.toNanos()) {
      return null;
    }
    String fingerprint;
    try {
      fingerprint = DatasetLoader.fingerprint(ds);
    } catch (QueryException e) {
      failed(s, ds, e.getMessage(), now); // a file that is gone: no load to run, the error is the answer
      return null;
    }
    s.checkedAtNanos = now;
    if (s.loaded && s.error == null && fingerprint != null && fingerprint.equals(s.fingerprint)) {
      return null;
    }
    return start(s, ds, fingerprint);
  }

  private CompletableFuture<Void> start(State s, Dataset ds, String fingerprint) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    LoadCancellation cancellation = new LoadCancellation();
    s.inFlight = done;
    s.startedNanos = System.nanoTime();
    AtomicBoolean began = new AtomicBoolean();
    Future<?> task = pool.submit(() -> {
      began.set(true);
      run(s, ds, fingerprint, cancellation, done);
    });
    watchdog.schedule(() -> {
      if (!done.isDone()) {
        cancellation.cancel();
        task.cancel(true);
        if (!began.get()) {
          synchronized (s) {
            s.inFlight = null; // it waited in the queue the whole time and now never runs
          }
        }
        String message = DatasetLoader.stopped(ds, limits.loadTimeout());
        synchronized (s) {
          failed(s, ds, message, System.nanoTime());
        }
        done.completeExceptionally(new QueryException(message, true, null));
      }
    }, limits.loadTimeout().toMillis(), TimeUnit.MILLISECONDS);
    return done;
  }

  /** The state is settled before the future completes, so whoever waited sees it as it is. */
  private void run(State s, Dataset ds, String fingerprint, LoadCancellation cancellation,
      CompletableFuture<Void> done) {
    long started = System.nanoTime();
    QueryException failure = null;
    try (Connection c = connections.get()) {
      loader.load(c, ds, cancellation);
    } catch (SQLException | RuntimeException e) {
      boolean timedOut = cancellation.isCancelled() || e instanceof QueryException q && q.isTimeout();
      failure = e instanceof QueryException q ? q
          : new QueryException(DatasetLoader.label(ds) + ": " + DatasetLoader.firstLine(e), timedOut, e);
    }
    boolean timedOut = failure != null && (cancellation.isCancelled() || failure.isTimeout());
    synchronized (s) {
      if (failure == null) {
        s.loaded = true;
        s.fingerprint = fingerprint == null ? "loaded" : fingerprint;
        s.error = null;
        s.failures = 0;
      } else if (!timedOut) {
        failed(s, ds, failure.getMessage(), System.nanoTime());
      }
      s.inFlight = null;
    }
    Timer.builder(DATASET_LOAD).tag(TAG_DATASET, ds.getName())
        .tag(TAG_OUTCOME, failure == null ? OUTCOME_SUCCESS : timedOut ? OUTCOME_TIMEOUT : OUTCOME_ERROR)
        .description("Time a dataset load took").register(registry).record(DatasetLoader.elapsedSince(started));
    if (failure == null) {
      log.info("loaded {} in {} ms", DatasetLoader.label(ds), DatasetLoader.elapsedSince(started).toMillis());
      done.complete(null);
    } else {
      done.completeExceptionally(failure);
    }
  }

  private static void failed(State s, Dataset ds, String message, long now) {
    if (!message.equals(s.error)) {
      log.warn("{}", message);
    }
    s.error = message;
    s.failedAtNanos = now;
    s.failures++;
  }

  List<LoadStatus> status(Collection<Dataset> datasets) {
    return datasets.stream().map(this::status).toList();
  }

  private LoadStatus status(Dataset ds) {
    State s = states.get(ds.getName());
    if (s == null) {
      return new LoadStatus(ds.getName(), LoadStatus.State.NOT_LOADED, false, "not loaded yet", Duration.ZERO);
    }
    synchronized (s) {
      if (s.inFlight != null) {
        Duration running = DatasetLoader.elapsedSince(s.startedNanos);
        if (running.compareTo(limits.loadTimeout()) > 0) {
          return new LoadStatus(ds.getName(), LoadStatus.State.STUCK, false, "stuck: loading for "
              + running.toSeconds() + "s, past its " + limits.loadTimeout().toSeconds() + "s timeout", running);
        }
        return new LoadStatus(ds.getName(), LoadStatus.State.LOADING, s.loaded && s.error == null,
            "loading for " + running.toSeconds() + "s", running);
      }
      if (s.error != null) {
        return new LoadStatus(ds.getName(), LoadStatus.State.FAILED, false, s.error, Duration.ZERO);
      }
      return new LoadStatus(ds.getName(), s.loaded ? LoadStatus.State.LOADED : LoadStatus.State.NOT_LOADED,
          s.loaded, s.loaded ? "ok" : "not loaded yet", Duration.ZERO);
    }
  }

  private long stuckCount() {
    long timeout = limits.loadTimeout().toNanos();
    return states.values().stream().filter(s -> {
      synchronized (s) {
        return s.inFlight != null && System.nanoTime() - s.startedNanos > timeout;
      }
    }).count();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    pool.shutdownNow();
  }
}
