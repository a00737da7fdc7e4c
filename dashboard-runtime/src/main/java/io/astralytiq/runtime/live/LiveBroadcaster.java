package io.astralytiq.runtime.live;

import static io.astralytiq.api.runtime.RuntimeMetrics.LIVE_CLIENTS;

import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.limits.LimitExceededException;
import io.astralytiq.runtime.limits.Limits;
import io.astralytiq.runtime.panels.PanelData;
import io.astralytiq.runtime.panels.PanelService;
import io.astralytiq.runtime.variables.VariableValues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes panel data to open browsers over Server-Sent Events. Once per refresh interval each subscriber's panels
 * are looked up (cheap when the cache holds them) and only panels whose content changed since what that browser
 * has are sent. Stops first on shutdown, closing the streams so graceful shutdown need not wait for them.
 */
@Component
public class LiveBroadcaster implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveBroadcaster.class);
  private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

  private final PanelService panels;
  private final Map<SseEmitter, Subscriber> subscribers = new ConcurrentHashMap<>();
  private ScheduledExecutorService ticker;
  private volatile boolean running;

  private final int perClient;
  private final int total;

  private record Subscriber(String client, VariableValues values, Map<String, Integer> sent) {}

  public LiveBroadcaster(PanelService panels, MeterRegistry registry, RuntimeProperties properties) {
    this.panels = panels;
    this.perClient = properties.limits().liveStreamsPerClient();
    this.total = properties.limits().liveStreamsTotal();
    Gauge.builder(LIVE_CLIENTS, subscribers, Map::size)
        .description("Browsers connected for live refresh").register(registry);
  }

  /**
   * @param client who asks (the remote address): one client may hold only a few streams
   * @param known the content version of each panel the browser already shows, so nothing is sent twice
   * @throws LimitExceededException when the client or all clients together hold as many streams as allowed
   */
  public SseEmitter subscribe(String client, VariableValues values, Map<String, Integer> known) {
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
    synchronized (subscribers) {
      if (subscribers.size() >= total) {
        throw new LimitExceededException(Limits.LIVE_STREAMS, "the runtime holds as many live streams as it"
            + " serves (" + total + "); the page still refreshes when reloaded", 30);
      }
      if (subscribers.values().stream().filter(s -> s.client().equals(client)).count() >= perClient) {
        throw new LimitExceededException(Limits.LIVE_STREAMS, "this client holds " + perClient
            + " live streams already, as many as one client may", 30);
      }
      subscribers.put(emitter, new Subscriber(client, values, new ConcurrentHashMap<>(known)));
    }
    emitter.onCompletion(() -> subscribers.remove(emitter));
    emitter.onTimeout(() -> subscribers.remove(emitter));
    emitter.onError(e -> subscribers.remove(emitter));
    if (running) {
      ticker.execute(() -> push(emitter));
    }
    return emitter;
  }

  int subscriberCount() {
    return subscribers.size();
  }

  void tick() {
    subscribers.keySet().forEach(this::push);
  }

  private void push(SseEmitter emitter) {
    Subscriber s = subscribers.get(emitter);
    if (s == null) {
      return;
    }
    try {
      for (Panel p : panels.dashboard().panels()) {
        if (p.getQuery() == null) {
          continue;
        }
        PanelData data = panels.data(p.getId(), s.values());
        Integer previous = s.sent().put(p.getId(), data.version());
        if (previous == null || previous != data.version()) {
          emitter.send(SseEmitter.event().name("panel").id(p.getId()).data(data));
        }
      }
      emitter.send(SseEmitter.event().comment("tick"));
    } catch (IOException | IllegalStateException e) {
      subscribers.remove(emitter);
      log.debug("live client went away: {}", e.toString());
    }
  }

  @Override
  public void start() {
    Duration every = panels.dashboard().refresh();
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "live-refresh");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    ticker.shutdownNow();
    subscribers.keySet().forEach(SseEmitter::complete);
    subscribers.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
