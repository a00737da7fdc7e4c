package io.astralytiq.operator.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Users of a runtime: one GET of a page every period, from a thread of its own, until closed. The answers are
 * counted by status code; a request that gets no answer counts as status 0.
 */
public final class Traffic implements AutoCloseable {

  private final LocalRuntime runtime;
  private final String pathAndQuery;
  private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
  private final ScheduledExecutorService users = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "traffic");
    thread.setDaemon(true);
    return thread;
  });

  private Traffic(LocalRuntime runtime, String pathAndQuery) {
    this.runtime = runtime;
    this.pathAndQuery = pathAndQuery;
  }

  public static Traffic start(LocalRuntime runtime, String pathAndQuery, Duration period) {
    Traffic traffic = new Traffic(runtime, pathAndQuery);
    traffic.users.scheduleAtFixedRate(traffic::request, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    return traffic;
  }

  /** How many requests got each status so far, for failure messages: {200=412, 502=130}. */
  public Map<Integer, Long> answers() {
    Map<Integer, Long> counts = new TreeMap<>();
    answers.forEach((status, count) -> counts.put(status, count.sum()));
    return counts;
  }

  @Override
  public void close() {
    users.shutdownNow();
    try {
      users.awaitTermination(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void request() {
    int status;
    try {
      status = runtime.get(pathAndQuery).statusCode();
    } catch (IOException e) {
      status = 0;
    }
    answers.computeIfAbsent(status, s -> new LongAdder()).increment();
  }
}
