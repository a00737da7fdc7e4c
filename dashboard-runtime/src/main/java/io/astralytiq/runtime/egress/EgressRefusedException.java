package io.astralytiq.runtime.egress;

/** A URL the policy does not let a dataset fetch; the message says which host and why, and is shown on panels. */
public class EgressRefusedException extends RuntimeException {

  public EgressRefusedException(String message) {
    super(message);
  }
}
