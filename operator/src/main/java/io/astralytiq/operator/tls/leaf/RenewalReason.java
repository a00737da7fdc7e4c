package io.astralytiq.operator.tls.leaf;

/** Why a dashboard's certificate is (re)issued, or why it is kept; worded for an Event. */
public enum RenewalReason {
  NOT_DUE(false, "certificate is current"),
  MISSING(true, "issued: no certificate yet"),
  UNREADABLE(true, "renewed: the stored certificate or key could not be read"),
  HOST_CHANGED(true, "renewed: host changed"),
  CA_ROTATED(true, "renewed: CA rotated"),
  TWO_THIRDS_PASSED(true, "renewed: two thirds of lifetime passed");

  private final boolean renew;
  private final String description;

  RenewalReason(boolean renew, String description) {
    this.renew = renew;
    this.description = description;
  }

  public boolean renew() {
    return renew;
  }

  public String description() {
    return description;
  }
}
