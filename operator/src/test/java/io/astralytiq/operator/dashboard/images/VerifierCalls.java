package io.astralytiq.operator.dashboard.images;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Calls of {@link ImageVerifier#check} as a reconciler makes them, for the tests and the benchmark: ask, and when
 * the answer is empty wait for the callback and ask again; or many such callers at once.
 */
public final class VerifierCalls {

  private static final Duration PATIENCE = Duration.ofMinutes(1);

  private VerifierCalls() {}

  /** The verdict, waiting for the callback when the first answer is empty. */
  public static ImageCheck verdict(ImageVerifier verifier, String image, List<TrustedKey> keys,
      List<RegistryCredential> credentials) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Optional<ImageCheck> first = verifier.check(image, keys, credentials, done::countDown);
    if (first.isPresent()) {
      return first.get();
    }
    if (!done.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("no callback after checking " + image + " within " + PATIENCE);
    }
    return verifier.check(image, keys, credentials, () -> { }).orElseThrow();
  }

  /** n callers (image i for the i-th) started together from 32 threads, each until its verdict. */
  public static List<ImageCheck> concurrently(ImageVerifier verifier, int n, IntFunction<String> images,
      List<TrustedKey> keys) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(32);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ImageCheck>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String image = images.apply(i);
        futures.add(callers.submit(() -> {
          start.await();
          return verdict(verifier, image, keys, List.of());
        }));
      }
      start.countDown();
      List<ImageCheck> checks = new ArrayList<>();
      for (Future<ImageCheck> future : futures) {
        checks.add(future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
      }
      return checks;
    } finally {
      callers.shutdownNow();
    }
  }
}
