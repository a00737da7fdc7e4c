package io.astralytiq.runtime;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the runtime reads from its environment, parsed once.
 *
 * @param definition the definition file (a bare definition or a whole Dashboard manifest)
 * @param template a built-in template served when no definition file is given
 * @param tempDir where downloads and DuckDB's spill files go; the only place the runtime writes
 * @param secretsDir where JDBC credential Secrets are mounted, one directory per Secret
 * @param engine limits of the query engine
 */
@ConfigurationProperties("astralytiq")
public record RuntimeProperties(
    Path definition,
    String template,
    @DefaultValue("${java.io.tmpdir}") Path tempDir,
    @DefaultValue("/var/run/secrets/astralytiq") Path secretsDir,
    @DefaultValue Engine engine) {

  /**
   * @param maxConcurrency queries running at once; further ones wait
   * @param queryTimeout a query running longer is cancelled and its panel shows a timeout
   * @param maxRows rows a panel receives at most; the rest are cut off and the panel says so
   * @param memoryLimit DuckDB's memory limit, such as 256MB
   * @param threads DuckDB worker threads; 0 means one per core
   */
  public record Engine(
      @DefaultValue("4") int maxConcurrency,
      @DefaultValue("10s") Duration queryTimeout,
      @DefaultValue("5000") int maxRows,
      @DefaultValue("256MB") String memoryLimit,
      @DefaultValue("0") int threads) {}
}
