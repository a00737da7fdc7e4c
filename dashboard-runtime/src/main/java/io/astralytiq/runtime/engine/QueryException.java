package io.astralytiq.runtime.engine;

/** A query that failed or timed out; its message is shown on the panel, so it names no secret. */
public class QueryException extends RuntimeException {

  private final boolean timeout;

  public QueryException(String message, boolean timeout, Throwable cause) {
    super(message, cause);
    this.timeout = timeout;
  }

  public boolean isTimeout() {
    return timeout;
  }
}
