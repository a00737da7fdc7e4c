package io.astralytiq.operator.bench;

import io.astralytiq.operator.dashboard.images.ImageCheck;
import io.astralytiq.operator.dashboard.images.ImageVerifier;
import io.astralytiq.operator.dashboard.images.RegistrySettings;
import io.astralytiq.operator.dashboard.images.TrustedKey;
import io.astralytiq.operator.dashboard.images.VerifierCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * hack/bench verify's harness: an image the script pushed and signed with cosign, verified by {@link ImageVerifier}
 * against the local registry. Prints the first verification in this JVM (cold) and with a fresh verifier in a warm
 * JVM, the median time of an answer from the cache, and the registry requests of 200 concurrent checks of one image
 * (200 dashboards sharing it), then of 200 tags of one digest.
 *
 * <pre>VerifyBenchmark --registry HOST:PORT --repository REPO --tag TAG --key cosign.pub [--cached N]</pre>
 */
public final class VerifyBenchmark {

  private static final String REQUESTS = "astralytiq.operator.registry.requests";
  private static final int DASHBOARDS = 200;

  private final String registry;
  private final String repository;
  private final List<TrustedKey> keys;

  private VerifyBenchmark(String registry, String repository, List<TrustedKey> keys) {
    this.registry = registry;
    this.repository = repository;
    this.keys = keys;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options = new BenchOptions(args, 0);
    String registry = options.string("registry", "198.18.0.1:5000");
    String repository = options.string("repository", "bench-verify/app");
    String tag = options.string("tag", "1");
    TrustedKey key = TrustedKey.parse("bench", Files.readString(Path.of(options.string("key", "cosign.pub"))));
    VerifyBenchmark bench = new VerifyBenchmark(registry, repository, List.of(key));
    String image = registry + "/" + repository + ":" + tag;

    Measured cold = bench.once(image);
    Measured fresh = bench.once(image);
    double cachedMs = bench.cached(image, options.integer("cached", 1000));
    Measured shared = bench.concurrently(i -> image);
    List<String> tags = bench.tagged(tag, DASHBOARDS);
    Measured distinct = bench.concurrently(i -> registry + "/" + repository + ":" + tags.get(i));
    System.out.printf(Locale.ROOT, "cold (%.1f ms, %d registry requests): %s%n", cold.ms, cold.requests,
        cold.check.message());
    System.out.printf(Locale.ROOT, "RESULT result=%s cold_ms=%.1f fresh_ms=%.1f cached_ms_median=%.4f"
        + " shared_%d_requests=%d shared_%d_ms=%.1f distinct_tags_%d_requests=%d distinct_tags_%d_ms=%.1f%n",
        cold.check.result(), cold.ms, fresh.ms, cachedMs, DASHBOARDS, shared.requests, DASHBOARDS, shared.ms,
        DASHBOARDS, distinct.requests, DASHBOARDS, distinct.ms);
  }

  private record Measured(ImageCheck check, double ms, long requests) {}

  private ImageVerifier verifier(SimpleMeterRegistry meters) {
    return new ImageVerifier(new RegistrySettings(Map.of(registry, "http://" + registry), Duration.ofSeconds(10)),
        Duration.ofMinutes(5), Duration.ofMinutes(30), 10_000, Clock.systemUTC(), meters);
  }

  /** One check with a new verifier, timed from the call to the verdict. */
  private Measured once(String image) throws InterruptedException {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ImageVerifier verifier = verifier(meters)) {
      long started = System.nanoTime();
      ImageCheck check = VerifierCalls.verdict(verifier, image, keys, List.of());
      return new Measured(check, (System.nanoTime() - started) / 1e6, requests(meters));
    }
  }

  /** The median time of n answers from the cache. */
  private double cached(String image, int n) throws InterruptedException {
    try (ImageVerifier verifier = verifier(new SimpleMeterRegistry())) {
      VerifierCalls.verdict(verifier, image, keys, List.of());
      double[] ms = new double[n];
      for (int i = 0; i < n; i++) {
        long started = System.nanoTime();
        Optional<ImageCheck> check = verifier.check(image, keys, List.of(), () -> { });
        ms[i] = (System.nanoTime() - started) / 1e6;
        if (check.isEmpty()) {
          throw new IllegalStateException("no cached verdict on " + image);
        }
      }
      Arrays.sort(ms);
      return ms[n / 2];
    }
  }

  /** 200 checks started together, each until its verdict; the registry requests they all cost. */
  private Measured concurrently(IntFunction<String> images) throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ImageVerifier verifier = verifier(meters)) {
      long started = System.nanoTime();
      List<ImageCheck> checks = VerifierCalls.concurrently(verifier, DASHBOARDS, images, keys);
      double ms = (System.nanoTime() - started) / 1e6;
      for (ImageCheck check : checks) {
        if (!check.verified()) {
          throw new IllegalStateException(check.message());
        }
      }
      return new Measured(checks.get(0), ms, requests(meters));
    }
  }

  private static long requests(SimpleMeterRegistry meters) {
    return (long) meters.counter(REQUESTS).count();
  }

  /** n more tags of the tag's manifest (PUT with the distribution API, not through the verifier). */
  private List<String> tagged(String tag, int n) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base = "http://" + registry + "/v2/" + repository + "/manifests/";
    HttpResponse<byte[]> manifest = http.send(HttpRequest.newBuilder(URI.create(base + tag)).header("Accept",
        "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (manifest.statusCode() != 200) {
      throw new IllegalStateException("GET " + base + tag + ": HTTP " + manifest.statusCode());
    }
    String type = manifest.headers().firstValue("Content-Type").orElseThrow();
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String t = tag + "-dashboard-" + i;
      HttpResponse<Void> put = http.send(HttpRequest.newBuilder(URI.create(base + t)).header("Content-Type", type)
          .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.body())).build(),
          HttpResponse.BodyHandlers.discarding());
      if (put.statusCode() != 201) {
        throw new IllegalStateException("PUT " + base + t + ": HTTP " + put.statusCode());
      }
      tags.add(t);
    }
    return tags;
  }
}
