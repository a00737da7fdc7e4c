package io.astralytiq.operator.dashboard.images;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies that images carry a cosign signature made with a trusted key, reading the registry itself, without ever
 * blocking its caller: {@link #check} answers from its caches or starts the check on a small executor of its own and
 * says so with an empty answer, then calls back. A tag's digest is cached for {@code tagLifetime} (a tag moved to
 * another image is seen within it); a digest's verdict per key set and registry user for {@code resultLifetime}; an
 * unreachable registry's until the retry time, which backs off per image from 5 s, doubling, to 5 min. Checks asked
 * for while the same one runs join it: 200 dashboards of one image cost one set of registry requests.
 */
public final class ImageVerifier implements AutoCloseable {

  static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  static final Duration LAST_RETRY = Duration.ofMinutes(5);
  private static final int THREADS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(ImageVerifier.class);

  /** A tag of a repository as one registry user (or anonymous: "") sees it. */
  private record TagKey(String registry, String repository, String tag, String user) {}

  /** A digest judged under one list of trusted keys (a hash of their names and keys) as one registry user sees it. */
  private record VerdictKey(String registry, String repository, String digest, String keys, String user) {}

  /** What was found, before it is worded for the image as the caller wrote it. */
  private record Finding(VerificationResult result, String digest, String keyName, String predicate,
      Instant retryAt) {}

  /** A tag's digest, or why there is none. */
  private record Resolution(String digest, Finding failure) {}

  private final RegistryClient registry;
  private final Duration tagLifetime;
  private final Duration resultLifetime;
  private final Clock clock;
  private final VerificationMetrics metrics;
  private final ThreadPoolExecutor executor;
  private final AsyncCache<TagKey, Resolution> tags;
  private final AsyncCache<VerdictKey, Finding> verdicts;
  /** consecutive unreachable checks per image, for the backoff */
  private final Cache<String, Integer> failures;

  public ImageVerifier(RegistrySettings settings, Duration tagLifetime, Duration resultLifetime, int maxEntries,
      Clock clock, MeterRegistry meters) {
    if (maxEntries < 1 || tagLifetime.isNegative() || resultLifetime.isNegative()) {
      throw new IllegalArgumentException("the verifier needs maxEntries >= 1 and lifetimes >= 0, not " + maxEntries
          + ", " + tagLifetime + ", " + resultLifetime);
    }
    this.tagLifetime = tagLifetime;
    this.resultLifetime = resultLifetime;
    this.clock = clock;
    this.metrics = new VerificationMetrics(meters);
    this.registry = new RegistryClient(settings, metrics::request);
    AtomicInteger threads = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(Math.max(1, maxEntries)), r -> {
          Thread thread = new Thread(r, "image-verifier-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
    Ticker ticker = () -> {
      Instant now = clock.instant();
      return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    };
    this.tags = Caffeine.newBuilder().ticker(ticker).maximumSize(maxEntries)
        .expireAfter(ImageVerifier.<TagKey, Resolution>expiring(
            r -> r.failure() == null ? tagLifetime : lifetime(r.failure())))
        .buildAsync();
    this.verdicts = Caffeine.newBuilder().ticker(ticker).maximumSize(maxEntries)
        .expireAfter(ImageVerifier.<VerdictKey, Finding>expiring(this::lifetime)).buildAsync();
    this.failures = Caffeine.newBuilder().ticker(ticker).maximumSize(maxEntries)
        .expireAfterWrite(LAST_RETRY.multipliedBy(2)).build();
  }

  /**
   * The known, unexpired verdict on {@code image} under {@code keys} and {@code credentials}; or empty after starting
   * the check (or joining the same one already running), in which case {@code onDone} runs once when it completes.
   * An image given by digest ({@code repo@sha256:...}) needs no tag resolution. Never blocks.
   */
  public Optional<ImageCheck> check(String image, List<TrustedKey> keys, List<RegistryCredential> credentials,
      Runnable onDone) {
    List<TrustedKey> trusted = keys == null ? List.of() : List.copyOf(keys);
    ImageReference ref;
    try {
      ref = ImageReference.parse(image);
    } catch (IllegalArgumentException e) {
      Finding invalid = new Finding(VerificationResult.IMAGE_NOT_FOUND, null, null,
          "is not a valid image reference: " + e.getMessage(), null);
      return Optional.of(worded(String.valueOf(image), null, invalid, trusted));
    }
    RegistryCredential credential = credentialFor(ref, credentials == null ? List.of() : credentials);
    long started = System.nanoTime();
    CompletableFuture<Finding> finding = resolution(ref, credential, started).thenCompose(r -> r.failure() != null
        ? CompletableFuture.completedFuture(r.failure()) : verdict(ref, r.digest(), trusted, credential, started));
    if (finding.isDone() && !finding.isCompletedExceptionally()) {
      return Optional.of(worded(image, ref, finding.join(), trusted));
    }
    finding.whenComplete((f, error) -> {
      if (error != null) {
        LOG.warn("checking the signature of {} failed unexpectedly", image, error);
      }
      if (onDone != null) {
        try {
          onDone.run();
        } catch (RuntimeException e) {
          LOG.warn("the callback after checking {} failed", image, e);
        }
      }
    });
    return Optional.empty();
  }

  /** The digest of the reference: its own, or its tag's, cached, or being resolved (joined when it already is). */
  private CompletableFuture<Resolution> resolution(ImageReference ref, RegistryCredential credential, long started) {
    if (ref.digest() != null) {
      return CompletableFuture.completedFuture(new Resolution(ref.digest(), null));
    }
    TagKey key = new TagKey(ref.registry(), ref.repository(), ref.tag(), user(credential));
    return tags.get(key, (k, e) -> run(() -> resolve(ref, credential), () -> new Resolution(null, busy(ref)))
        .whenComplete((r, error) -> {
          if (r != null && r.failure() != null) {
            metrics.checked(r.failure().result(), Duration.ofNanos(System.nanoTime() - started));
          }
        }));
  }

  /** The verdict on a digest under the keys: cached, or being checked (joined when it already is). */
  private CompletableFuture<Finding> verdict(ImageReference ref, String digest, List<TrustedKey> keys,
      RegistryCredential credential, long started) {
    VerdictKey key = new VerdictKey(ref.registry(), ref.repository(), digest, fingerprint(keys), user(credential));
    return verdicts.get(key, (k, e) -> run(() -> verify(ref, digest, keys, credential), () -> busy(ref))
        .whenComplete((f, error) -> {
          if (f != null) {
            metrics.checked(f.result(), Duration.ofNanos(System.nanoTime() - started));
          }
        }));
  }

  private Resolution resolve(ImageReference ref, RegistryCredential credential) {
    try {
      Optional<RegistryClient.Manifest> manifest = registry.session(ref, credential).manifest(ref.tag());
      if (manifest.isEmpty()) {
        return new Resolution(null, settled(ref, new Finding(VerificationResult.IMAGE_NOT_FOUND, null, null,
            "cannot be found: " + ref.registry() + " has no tag " + ref.tag() + " in " + ref.repository(), null)));
      }
      return new Resolution(manifest.get().digest(), null);
    } catch (RegistryException e) {
      return new Resolution(null, failed(ref, null, e));
    } catch (RuntimeException e) {
      return new Resolution(null, failed(ref, null, unexpected(ref, e)));
    }
  }

  private Finding verify(ImageReference ref, String digest, List<TrustedKey> keys, RegistryCredential credential) {
    RegistryClient.Session session = registry.session(ref, credential);
    try {
      if (ref.digest() != null && session.manifest(digest).isEmpty()) {
        return settled(ref, new Finding(VerificationResult.IMAGE_NOT_FOUND, digest, null,
            "cannot be found: " + ref.registry() + " has no manifest " + digest + " in " + ref.repository(), null));
      }
      String signatureTag = Digests.signatureTag(digest);
      Optional<RegistryClient.Manifest> signatures = session.manifest(signatureTag);
      if (signatures.isEmpty()) {
        return settled(ref, new Finding(VerificationResult.SIGNATURE_MISSING, digest, null,
            "has no cosign signature (no " + signatureTag + " in " + ref.registry() + "/" + ref.repository() + ")",
            null));
      }
      CosignSignatures.Verdict verdict = CosignSignatures.judge(digest, signatures.get().bytes(), session::blob, keys);
      return settled(ref, new Finding(verdict.result(), digest, verdict.keyName(), verdict.finding(), null));
    } catch (RegistryException e) {
      return failed(ref, digest, e);
    } catch (RuntimeException e) {
      return failed(ref, digest, unexpected(ref, e));
    }
  }

  /**
   * A bug or a bad endpoint setting: logged, then tried again with the backoff, so that a caller reconciling on the
   * callback does not spin.
   */
  private static RegistryException unexpected(ImageReference ref, RuntimeException e) {
    LOG.warn("checking the signature of {}/{} failed unexpectedly", ref.registry(), ref.repository(), e);
    return new RegistryException(RegistryException.Kind.UNREACHABLE, "the check failed unexpectedly ("
        + e.getClass().getSimpleName() + ")");
  }

  /** The answer when more checks wait than the executor's queue holds: tried again after the first retry delay. */
  private Finding busy(ImageReference ref) {
    Instant retryAt = clock.instant().plus(FIRST_RETRY);
    return new Finding(VerificationResult.REGISTRY_UNREACHABLE, null, null, "cannot be checked now: the operator has "
        + executor.getQueue().size() + " image checks waiting; trying again at " + retryAt, retryAt);
  }

  private Finding failed(ImageReference ref, String digest, RegistryException e) {
    return switch (e.kind()) {
      case NOT_FOUND, REFUSED -> settled(ref, new Finding(VerificationResult.IMAGE_NOT_FOUND, digest, null,
          "cannot be found: " + e.getMessage(), null));
      case TAMPERED -> settled(ref, new Finding(VerificationResult.SIGNATURE_INVALID, digest, null,
          "cannot be trusted: " + e.getMessage(), null));
      case UNREACHABLE -> {
        int attempts = failures.asMap().merge(backoffKey(ref), 1, Integer::sum);
        Duration wait = attempts > 7 ? LAST_RETRY : FIRST_RETRY.multipliedBy(1L << (attempts - 1));
        Instant retryAt = clock.instant().plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait);
        yield new Finding(VerificationResult.REGISTRY_UNREACHABLE, digest, null,
            "cannot be checked now: " + e.getMessage() + "; trying again at " + retryAt, retryAt);
      }
    };
  }

  /** A verdict that is not a registry's failure to answer ends the image's backoff. */
  private Finding settled(ImageReference ref, Finding finding) {
    failures.invalidate(backoffKey(ref));
    return finding;
  }

  private <T> CompletableFuture<T> run(Supplier<T> task, Supplier<T> whenBusy) {
    try {
      return CompletableFuture.supplyAsync(task, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(whenBusy.get());
    }
  }

  private ImageCheck worded(String image, ImageReference ref, Finding finding, List<TrustedKey> keys) {
    String digest = finding.digest();
    String subject = digest == null || image.endsWith("@" + digest) ? image : image + " (" + digest + ")";
    String keyList = switch (finding.result()) {
      case VERIFIED, UNTRUSTED_KEY -> "";
      default -> " (trusted keys: " + (keys.isEmpty() ? "none" : String.join(", ",
          keys.stream().map(TrustedKey::name).toList())) + ")";
    };
    return new ImageCheck(finding.result(), image, digest, digest == null ? null : ref.pinned(digest),
        finding.keyName(), subject + " " + finding.predicate() + keyList + ".", finding.retryAt());
  }

  private Duration lifetime(Finding finding) {
    return switch (finding.result()) {
      case REGISTRY_UNREACHABLE -> finding.retryAt() == null ? Duration.ZERO
          : Duration.between(clock.instant(), finding.retryAt());
      case IMAGE_NOT_FOUND -> tagLifetime.compareTo(resultLifetime) < 0 ? tagLifetime : resultLifetime;
      default -> resultLifetime;
    };
  }

  private static <K, V> Expiry<K, V> expiring(Function<V, Duration> lifetime) {
    return new Expiry<>() {
      @Override
      public long expireAfterCreate(K key, V value, long currentTime) {
        return Math.max(0, lifetime.apply(value).toNanos());
      }

      @Override
      public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
        return Math.max(0, lifetime.apply(value).toNanos());
      }

      @Override
      public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
        return currentDuration;
      }
    };
  }

  private static RegistryCredential credentialFor(ImageReference ref, List<RegistryCredential> credentials) {
    return credentials.stream().filter(c -> c.registry().equalsIgnoreCase(ref.registry())).findFirst().orElse(null);
  }

  /** Whose view of the registry a verdict is: the pull Secret's user, not its password. */
  private static String user(RegistryCredential credential) {
    return credential == null ? "" : credential.username();
  }

  private static String backoffKey(ImageReference ref) {
    return ref.registry() + "/" + ref.repository() + (ref.digest() != null ? "@" + ref.digest() : ":" + ref.tag());
  }

  /** The keys by name and content, in order (the first that verifies is named): part of a verdict's cache key. */
  private static String fingerprint(List<TrustedKey> keys) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (TrustedKey key : keys) {
        sha256.update(key.name().getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(key.key().getEncoded());
        sha256.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
