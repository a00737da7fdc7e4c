package io.astralytiq.operator.tls.ca;

/** What one rotation step changed in the operator's CA bundle, worded for an Event. */
public enum RotationChange {
  CREATED("created the operator CA"),
  NEXT_PUBLISHED("published the next CA in the trust bundle: two thirds of the signing CA's lifetime passed"),
  SWITCHED("CA rotated: the next CA signs from now on, the old one stays trusted until it expires"),
  EXPIRED_REPLACED("replaced the signing CA: it had expired"),
  PREVIOUS_DROPPED("removed an expired CA from the trust bundle");

  private final String description;

  RotationChange(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
