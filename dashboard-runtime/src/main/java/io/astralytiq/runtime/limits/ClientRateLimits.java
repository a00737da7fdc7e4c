package io.astralytiq.runtime.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.function.Function;

/**
 * One token bucket per client (Bucket4j: a bucket of {@code burst} tokens refilled at a steady rate). Buckets of
 * clients that went quiet are dropped, and the number kept is bounded, so many clients cannot grow the map.
 */
final class ClientRateLimits {

  private final String limit;
  private final Cache<String, Bucket> buckets;
  /** Made once: a lambda written at the call would be a new object on every request. */
  private final Function<String, Bucket> newBucket;

  /** @param tokens refilled every period, bit by bit (greedy refill), up to burst */
  ClientRateLimits(String limit, long burst, long tokens, Duration period) {
    this.limit = limit;
    this.newBucket = client -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(tokens, period).build()).build();
    Duration refilled = period.multipliedBy(burst).dividedBy(Math.max(1, tokens));
    // A bucket untouched this long is full again, so dropping it forgets nothing. The upkeep of access order runs
    // on the requests' own threads: handed to the common pool, it would wake a thread for a few reads each time.
    this.buckets = Caffeine.newBuilder().expireAfterAccess(refilled.compareTo(period) > 0 ? refilled : period)
        .maximumSize(100_000).executor(Runnable::run).build();
  }

  /** @throws LimitExceededException when the client has no token left */
  void take(String client) {
    Bucket bucket = buckets.get(client, newBucket);
    // Every data request comes through here: the plain test allocates nothing; the wait is asked only on refusal.
    if (!bucket.tryConsume(1)) {
      long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
      long seconds = Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
      throw new LimitExceededException(limit, "too many requests from this client; try again in " + seconds + "s",
          seconds);
    }
  }
}
