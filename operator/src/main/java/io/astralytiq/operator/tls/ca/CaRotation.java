package io.astralytiq.operator.tls.ca;

import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.tls.CertificateAuthority;
import io.astralytiq.operator.tls.CertificateIssuer;
import io.astralytiq.operator.tls.Validity;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Moves the operator's CAs forward in time, one reconciliation at a time, so that no client ever sees a gap:
 * <ol>
 *   <li>two thirds into the signing CA's life, a successor is created and published in the trust bundle only;</li>
 *   <li>once it has been trusted for the overlap period (time for Secrets to propagate and clients to reload),
 *   the successor signs, and the old CA stays trusted while the certificates it signed are replaced;</li>
 *   <li>a previous CA leaves the bundle when it expires: nothing it signed is valid any more.</li>
 * </ol>
 * Pure apart from key generation: the outcome depends only on the bundle given and the injected clock.
 */
public final class CaRotation {

  private final CertificateIssuer issuer;
  private final Clock clock;
  private final TlsPolicy policy;

  public CaRotation(CertificateIssuer issuer, Clock clock, TlsPolicy policy) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The bundle as it should be now; the CA Secret is absent (empty) the first time. */
  public Rotation rotate(Optional<CaBundle> current) {
    Instant now = clock.instant();
    if (current.isEmpty()) {
      return result(CaBundle.of(issuer.newCa()), EnumSet.of(RotationChange.CREATED));
    }
    CaBundle bundle = current.get();
    EnumSet<RotationChange> changes = EnumSet.noneOf(RotationChange.class);
    boolean signingExpired = Validity.expiredAt(bundle.signing().certificate(), now);
    if (bundle.next().isPresent() && (signingExpired || !now.isBefore(switchAt(bundle.next().get())))) {
      bundle = bundle.switchToNext();
      changes.add(RotationChange.SWITCHED);
    } else if (bundle.next().isEmpty() && signingExpired) {
      // The operator was away past the CA's end: there is no overlap left to preserve.
      bundle = bundle.replaceSigning(issuer.newCa());
      changes.add(RotationChange.EXPIRED_REPLACED);
    } else if (bundle.next().isEmpty() && !now.isBefore(bundle.signing().successorDueAt())) {
      bundle = bundle.withNext(issuer.newCa());
      changes.add(RotationChange.NEXT_PUBLISHED);
    }
    CaBundle pruned = bundle.withoutExpiredPrevious(now);
    if (pruned.previous().size() < bundle.previous().size()) {
      changes.add(RotationChange.PREVIOUS_DROPPED);
    }
    return result(pruned, changes);
  }

  /**
   * The successor signs once it has been published for the overlap period. It was published at its notBefore
   * plus the clock skew its validity was backdated by.
   */
  Instant switchAt(CertificateAuthority successor) {
    return successor.notBefore().plus(policy.caSkew()).plus(policy.rotationOverlap());
  }

  /** When the bundle next needs a step: the reconciler can schedule itself for then. */
  Instant nextStepAt(CaBundle bundle) {
    Instant step = bundle.next().map(this::switchAt).orElse(bundle.signing().successorDueAt());
    return Stream.concat(Stream.of(step), bundle.previous().stream().map(X509Certificate::getNotAfter)
        .map(Date::toInstant)).min(Instant::compareTo).orElseThrow();
  }

  private Rotation result(CaBundle bundle, EnumSet<RotationChange> changes) {
    return new Rotation(bundle, changes, nextStepAt(bundle));
  }
}
