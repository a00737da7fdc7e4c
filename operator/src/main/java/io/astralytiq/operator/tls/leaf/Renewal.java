package io.astralytiq.operator.tls.leaf;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a dashboard's certificate must be issued anew, and why.
 *
 * @param reason why; {@link RenewalReason#NOT_DUE} when the stored certificate is kept
 * @param renewAt when a kept certificate falls due, to reschedule the reconciliation for; empty when renewing now
 */
public record Renewal(RenewalReason reason, Optional<Instant> renewAt) {

  static Renewal now(RenewalReason reason) {
    return new Renewal(reason, Optional.empty());
  }

  static Renewal notDueUntil(Instant renewAt) {
    return new Renewal(RenewalReason.NOT_DUE, Optional.of(renewAt));
  }

  public boolean needed() {
    return reason.renew();
  }
}
