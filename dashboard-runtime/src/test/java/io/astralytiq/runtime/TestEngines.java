package io.astralytiq.runtime;

import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.runtime.engine.QueryEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Engines and properties for tests that build services by hand: the defaults, with their own limits and files. */
public final class TestEngines {

  private TestEngines() {}

  /** An engine that may read the given datasets' files, with scratch space and secrets under dir. */
  public static QueryEngine engine(RuntimeProperties.Engine limits, Path dir, Duration recheck,
      Collection<Dataset> datasets) {
    return engine(limits, RuntimeProperties.Datasets.defaults(), dir, recheck, datasets);
  }

  public static QueryEngine engine(RuntimeProperties.Engine limits, RuntimeProperties.Datasets datasetLimits, Path dir,
      Duration recheck, Collection<Dataset> datasets) {
    return new QueryEngine(new QueryEngine.Settings(limits, datasetLimits,
        new RuntimeProperties.Egress(List.of(), List.of()), dir, dir.resolve("secrets"), recheck), datasets,
        InetAddress::getAllByName, new SimpleMeterRegistry());
  }

  public static RuntimeProperties properties(Path dir) {
    return new RuntimeProperties(null, null, dir, dir.resolve("secrets"),
        RuntimeProperties.Engine.of(2, Duration.ofSeconds(10), 1000, "128MB", 1),
        RuntimeProperties.Datasets.defaults(), new RuntimeProperties.Egress(List.of(), List.of()),
        RuntimeProperties.Limits.defaults());
  }
}
