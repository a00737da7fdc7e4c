package io.astralytiq.operator.tls.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.testing.MutableClock;
import io.astralytiq.operator.tls.CertificateAuthority;
import io.astralytiq.operator.tls.CertificateIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operator's CA over its life: a successor is trusted before it signs, and old CAs leave when they expire. */
class CaRotationTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final TlsPolicy policy = TlsPolicy.DEFAULTS;
  private final CertificateIssuer issuer = new CertificateIssuer(clock, policy);
  private final CaRotation rotation = new CaRotation(issuer, clock, policy);

  @Test
  void theFirstCaIsCreatedWhenThereIsNone() {
    Rotation first = rotation.rotate(Optional.empty());

    assertThat(first.changes()).containsExactly(RotationChange.CREATED);
    assertThat(first.bundle().trusted()).containsExactly(first.bundle().signing().certificate());
    assertThat(first.nextStepAt()).isEqualTo(first.bundle().signing().successorDueAt());
  }

  @Test
  void aCaRotatesWithOverlapAndLeavesTheBundleWhenItExpires() {
    CaBundle start = rotation.rotate(Optional.empty()).bundle();
    CertificateAuthority first = start.signing();

    clock.set(first.successorDueAt().minusSeconds(1));
    Rotation early = rotation.rotate(Optional.of(start));
    assertThat(early.changed()).as("before two thirds").isFalse();
    assertThat(early.bundle()).isEqualTo(start);

    clock.set(first.successorDueAt());
    Rotation published = rotation.rotate(Optional.of(start));
    CertificateAuthority second = published.bundle().next().orElseThrow();
    assertThat(published.changes()).containsExactly(RotationChange.NEXT_PUBLISHED);
    assertThat(published.bundle().signing()).as("still signing").isEqualTo(first);
    assertThat(published.bundle().trusted()).containsExactly(first.certificate(), second.certificate());
    Instant switchAt = published.nextStepAt();
    assertThat(switchAt).isEqualTo(clock.instant().plus(policy.rotationOverlap()));

    clock.set(switchAt.minusSeconds(1));
    assertThat(rotation.rotate(Optional.of(published.bundle())).changed()).as("during the overlap").isFalse();

    clock.set(switchAt);
    Rotation switched = rotation.rotate(Optional.of(published.bundle()));
    assertThat(switched.changes()).containsExactly(RotationChange.SWITCHED);
    assertThat(switched.bundle().signing()).isEqualTo(second);
    assertThat(switched.bundle().next()).isEmpty();
    assertThat(switched.bundle().previous()).containsExactly(first.certificate());
    assertThat(switched.nextStepAt()).as("the old CA's end").isEqualTo(first.notAfter());

    clock.set(first.notAfter().minusSeconds(1));
    assertThat(rotation.rotate(Optional.of(switched.bundle())).changed()).as("old CA still valid").isFalse();

    clock.set(first.notAfter());
    Rotation dropped = rotation.rotate(Optional.of(switched.bundle()));
    assertThat(dropped.changes()).containsExactly(RotationChange.PREVIOUS_DROPPED);
    assertThat(dropped.bundle().trusted()).containsExactly(second.certificate());
    assertThat(dropped.describe()).isEqualTo("removed an expired CA from the trust bundle");
  }

  @Test
  void theSuccessorTakesOverAtOnceWhenTheSigningCaExpiredDuringTheOverlap() {
    CaBundle start = rotation.rotate(Optional.empty()).bundle();
    clock.set(start.signing().successorDueAt());
    CaBundle published = rotation.rotate(Optional.of(start)).bundle();

    clock.set(start.signing().notAfter());
    Rotation late = rotation.rotate(Optional.of(published));

    assertThat(late.changes()).containsExactlyInAnyOrder(RotationChange.SWITCHED, RotationChange.PREVIOUS_DROPPED);
    assertThat(late.bundle().trusted()).containsExactly(published.next().orElseThrow().certificate());
  }

  @Test
  void anExpiredCaWithoutSuccessorIsReplaced() {
    CaBundle start = rotation.rotate(Optional.empty()).bundle();
    clock.set(start.signing().notAfter().plus(Duration.ofDays(3)));

    Rotation replaced = rotation.rotate(Optional.of(start));

    assertThat(replaced.changes()).containsExactly(RotationChange.EXPIRED_REPLACED);
    assertThat(replaced.bundle().signing().notAfter()).isAfter(clock.instant());
    assertThat(replaced.bundle().trusted()).doesNotContain(start.signing().certificate());
  }

  @Test
  void theOverlapMustEndBeforeTheSigningCaDoes() {
    assertThatThrownBy(() -> new TlsPolicy(Duration.ofDays(30), Duration.ofDays(10), Duration.ofDays(10),
        Duration.ZERO, Duration.ofDays(1))).hasMessageContaining("rotationOverlap");
  }
}
