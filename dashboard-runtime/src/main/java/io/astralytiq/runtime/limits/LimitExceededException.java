package io.astralytiq.runtime.limits;

/** A request refused because a bound is reached; answered 429 with Retry-After. */
public class LimitExceededException extends RuntimeException {

  private final String limit;
  private final long retryAfterSeconds;

  /** @param limit which bound, the value of the rejected-requests metric's limit tag */
  public LimitExceededException(String limit, String message, long retryAfterSeconds) {
    super(message);
    this.limit = limit;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public String limit() {
    return limit;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
