package io.astralytiq.runtime.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * One token bucket per client (Bucket4j: a bucket of {@code burst} tokens refilled at a steady rate). Buckets of
 * clients that went quiet are dropped, and the number kept is bounded, so many clients cannot grow the map.
 */
final class ClientRateLimits {

  private final String limit;
  private final long burst;
  private final long tokens;
  private final Duration period;
  private final Cache<String, Bucket> buckets;

  /** @param tokens refilled every period, bit by bit (greedy refill), up to burst */
  ClientRateLimits(String limit, long burst, long tokens, Duration period) {
    this.limit = limit;
    this.burst = burst;
    this.tokens = tokens;
    this.period = period;
    Duration refilled = period.multipliedBy(burst).dividedBy(Math.max(1, tokens));
    // a bucket untouched this long is full again, so dropping it forgets nothing
    this.buckets = Caffeine.newBuilder().expireAfterAccess(refilled.compareTo(period) > 0 ? refilled : period)
        .maximumSize(100_000).build();
  }

  /** @throws LimitExceededException when the client has no token left */
  void take(String client) {
    Bucket bucket = buckets.get(client, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(tokens, period).build()).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
      throw new LimitExceededException(limit, "too many requests from this client; try again in " + seconds + "s",
          seconds);
    }
  }
}
