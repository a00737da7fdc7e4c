package io.astralytiq.api.runtime;

/**
 * Names of the Prometheus metrics dashboard-runtime exposes on {@code /actuator/prometheus}. They live in the API
 * module so that the operator builds its PrometheusRules from the same constants the runtime registers, without
 * depending on the runtime. Each metric has its Micrometer name (what the runtime registers) and the series
 * names Prometheus scrapes (what alert expressions use). Renaming one is an API change.
 */
public final class RuntimeMetrics {

  /** Tag naming the panel a query metric belongs to. */
  public static final String TAG_PANEL = "panel";
  /** Tag with a query's outcome: {@link #OUTCOME_SUCCESS}, {@link #OUTCOME_ERROR} or {@link #OUTCOME_TIMEOUT}. */
  public static final String TAG_OUTCOME = "outcome";
  public static final String OUTCOME_SUCCESS = "success";
  public static final String OUTCOME_ERROR = "error";
  public static final String OUTCOME_TIMEOUT = "timeout";
  /** Tag on the cache metric: {@link #RESULT_HIT} or {@link #RESULT_MISS}. */
  public static final String TAG_RESULT = "result";
  public static final String RESULT_HIT = "hit";
  public static final String RESULT_MISS = "miss";

  /** Timer: time a panel's query took in the engine (cache misses only), tagged panel and outcome. */
  public static final String PANEL_QUERY = "astralytiq.runtime.panel.query";
  public static final String PANEL_QUERY_SECONDS_COUNT = "astralytiq_runtime_panel_query_seconds_count";
  public static final String PANEL_QUERY_SECONDS_SUM = "astralytiq_runtime_panel_query_seconds_sum";
  public static final String PANEL_QUERY_SECONDS_BUCKET = "astralytiq_runtime_panel_query_seconds_bucket";

  /** Counter: panel result look-ups in the cache, tagged result=hit|miss; the hit ratio is hit / all. */
  public static final String CACHE_REQUESTS = "astralytiq.runtime.cache.requests";
  public static final String CACHE_REQUESTS_TOTAL = "astralytiq_runtime_cache_requests_total";

  /** Gauge: browsers connected for live refresh (Server-Sent Events). */
  public static final String LIVE_CLIENTS = "astralytiq.runtime.live.clients";
  public static final String LIVE_CLIENTS_SERIES = "astralytiq_runtime_live_clients";

  /** Tag naming the dataset a load metric belongs to. */
  public static final String TAG_DATASET = "dataset";

  /** Timer: time a dataset load took (file, URL or database into the engine), tagged dataset and outcome. */
  public static final String DATASET_LOAD = "astralytiq.runtime.dataset.load";
  public static final String DATASET_LOAD_SECONDS_COUNT = "astralytiq_runtime_dataset_load_seconds_count";

  /** Gauge: dataset loads running now. */
  public static final String DATASET_LOADS_RUNNING = "astralytiq.runtime.dataset.loads.running";
  public static final String DATASET_LOADS_RUNNING_SERIES = "astralytiq_runtime_dataset_loads_running";

  /**
   * Gauge: dataset loads still running after their timeout cancelled them (a source that ignores the cancel); above
   * 0 the pod is also not ready.
   */
  public static final String DATASET_LOADS_STUCK = "astralytiq.runtime.dataset.loads.stuck";
  public static final String DATASET_LOADS_STUCK_SERIES = "astralytiq_runtime_dataset_loads_stuck";

  /**
   * Tag of {@link #REQUESTS_REJECTED}: which bound refused the request, {@code api-rate}, {@code export-rate},
   * {@code export-queue} or {@code live-streams}.
   */
  public static final String TAG_LIMIT = "limit";

  /** Counter: requests answered 429 because a per-client or total bound was reached, tagged limit. */
  public static final String REQUESTS_REJECTED = "astralytiq.runtime.requests.rejected";
  public static final String REQUESTS_REJECTED_TOTAL = "astralytiq_runtime_requests_rejected_total";

  /** Gauge: 1 when the definition loaded and validated, 0 when it did not (the pod is then not ready). */
  public static final String DEFINITION_LOADED = "astralytiq.runtime.definition.loaded";
  public static final String DEFINITION_LOADED_SERIES = "astralytiq_runtime_definition_loaded";

  /**
   * Spring's HTTP server timer, tagged uri, method, status and outcome (SUCCESS, CLIENT_ERROR, SERVER_ERROR);
   * the runtime publishes it as a histogram so latency percentiles can be computed with histogram_quantile.
   */
  public static final String HTTP_REQUESTS = "http.server.requests";
  public static final String HTTP_REQUESTS_SECONDS_COUNT = "http_server_requests_seconds_count";
  public static final String HTTP_REQUESTS_SECONDS_BUCKET = "http_server_requests_seconds_bucket";
  /** Tag of {@link #HTTP_REQUESTS} carrying the response status code. */
  public static final String TAG_STATUS = "status";
  /** Tag of {@link #HTTP_REQUESTS} grouping status codes; its value for 5xx responses is SERVER_ERROR. */
  public static final String TAG_HTTP_OUTCOME = "outcome";

  private RuntimeMetrics() {}
}
