package io.astralytiq.runtime;

import io.astralytiq.api.runtime.RuntimeContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the runtime reads from its environment, parsed once.
 *
 * @param definition the definition file (a bare definition or a whole Dashboard manifest)
 * @param template a built-in template served when no definition file is given
 * @param tempDir where downloads and DuckDB's spill files go; the only place the runtime writes
 * @param secretsDir where JDBC credential Secrets are mounted, one directory per Secret
 * @param engine limits of the query engine
 * @param datasets limits of dataset loads
 * @param egress where URL datasets may be fetched from
 * @param limits per-client and total bounds on the HTTP API
 */
@ConfigurationProperties("astralytiq")
public record RuntimeProperties(
    Path definition,
    String template,
    @DefaultValue("${java.io.tmpdir}") Path tempDir,
    @DefaultValue("/var/run/secrets/astralytiq") Path secretsDir,
    @DefaultValue Engine engine,
    @DefaultValue Datasets datasets,
    @DefaultValue Egress egress,
    @DefaultValue Limits limits) {

  /**
   * @param maxConcurrency queries running at once; further ones wait
   * @param queryTimeout a query running longer is cancelled and its panel shows a timeout
   * @param maxRows rows a panel receives at most; the rest are cut off and the panel says so
   * @param memoryLimit DuckDB's memory limit, such as 256MB
   * @param threads DuckDB worker threads; 0 means one per core
   * @param maxSpillSize what DuckDB may spill to the temp directory; with the downloads it must fit the temp volume
   */
  public record Engine(
      @DefaultValue("4") int maxConcurrency,
      @DefaultValue("10s") Duration queryTimeout,
      @DefaultValue("5000") int maxRows,
      @DefaultValue("256MB") String memoryLimit,
      @DefaultValue("0") int threads,
      @DefaultValue("64MB") DataSize maxSpillSize) {

    /** The limits tests and tools use when they need no spill bound of their own. */
    public static Engine of(int maxConcurrency, Duration queryTimeout, int maxRows, String memoryLimit, int threads) {
      return new Engine(maxConcurrency, queryTimeout, maxRows, memoryLimit, threads, DataSize.ofMegabytes(64));
    }
  }

  /**
   * @param loadTimeout a load (file, URL, database) running longer is cancelled and its panels fail
   * @param loadThreads loads running at once, on their own threads rather than the query workers
   * @param maxRows rows a dataset may have; a larger one fails to load
   * @param maxSize bytes a dataset file or database result may have
   * @param maxDownloadSize bytes a URL dataset may download; kept well below the temp volume (256Mi), which
   *     holds a download and its previous copy while it is replaced, and DuckDB's spill files
   * @param retryAfter how long a failed load's error is answered before the load is tried again, after its first
   *     failure; it doubles with each further failure in a row
   * @param retryAfterMax the longest wait between tries of a source that stays away
   * @param roots directories file datasets may lie under: where the data volumes are mounted
   */
  public record Datasets(
      @DefaultValue("60s") Duration loadTimeout,
      @DefaultValue("2") int loadThreads,
      @DefaultValue("5000000") long maxRows,
      @DefaultValue("512MB") DataSize maxSize,
      @DefaultValue("64MB") DataSize maxDownloadSize,
      @DefaultValue("15s") Duration retryAfter,
      @DefaultValue("2m") Duration retryAfterMax,
      @DefaultValue(RuntimeContract.DATA_DIR) List<String> roots) {

    public static Datasets defaults() {
      return new Datasets(Duration.ofSeconds(60), 2, 5_000_000, DataSize.ofMegabytes(512), DataSize.ofMegabytes(64),
          Duration.ofSeconds(15), Duration.ofMinutes(2), List.of(RuntimeContract.DATA_DIR));
    }
  }

  /**
   * @param blockedCidrs ranges URL datasets may not reach: the cluster's pod and service networks (the operator
   *     passes them), private ranges by default; loopback and link-local are refused regardless
   * @param allowedHosts host names that may be reached even inside those ranges, matched exactly
   */
  public record Egress(
      @DefaultValue({"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"})
      List<String> blockedCidrs,
      @DefaultValue List<String> allowedHosts) {}

  /**
   * @param apiPerSecond requests per second one client may make to the data API, sustained
   * @param apiBurst requests one client may make to the data API at once
   * @param exportsPerMinute PNG, PDF, CSV and JSON exports per minute and client, sustained
   * @param exportBurst exports one client may start at once
   * @param exportThreads images and PDFs drawn at once
   * @param exportQueue exports waiting for a drawing thread; more are answered 429
   * @param maxExportPixels pixels one PNG may have, width times height
   * @param liveStreamsPerClient live-refresh streams one client may hold open
   * @param liveStreamsTotal live-refresh streams open at once
   */
  public record Limits(
      @DefaultValue("20") int apiPerSecond,
      @DefaultValue("60") int apiBurst,
      @DefaultValue("20") int exportsPerMinute,
      @DefaultValue("5") int exportBurst,
      @DefaultValue("2") int exportThreads,
      @DefaultValue("4") int exportQueue,
      @DefaultValue("4000000") long maxExportPixels,
      @DefaultValue("4") int liveStreamsPerClient,
      @DefaultValue("200") int liveStreamsTotal) {

    public static Limits defaults() {
      return new Limits(20, 60, 20, 5, 2, 4, 4_000_000, 4, 200);
    }
  }
}
