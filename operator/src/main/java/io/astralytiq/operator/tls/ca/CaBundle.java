package io.astralytiq.operator.tls.ca;

import io.astralytiq.operator.tls.CertificateAuthority;
import io.astralytiq.operator.tls.Pem;
import io.astralytiq.operator.tls.Validity;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's CAs at one moment: the one that signs, its successor once published (trusted, not yet signing),
 * and the ones that signed before (certificates only, trusted until they expire so that certificates they signed
 * keep working while they are replaced). Immutable; each step of a rotation makes a new bundle.
 */
public record CaBundle(CertificateAuthority signing, Optional<CertificateAuthority> next,
    List<X509Certificate> previous) {

  public CaBundle {
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(next, "next");
    previous = List.copyOf(previous);
  }

  public static CaBundle of(CertificateAuthority signing) {
    return new CaBundle(signing, Optional.empty(), List.of());
  }

  /** Every CA a client must trust: the signing one, the published successor and the previous ones. */
  public List<X509Certificate> trusted() {
    List<X509Certificate> trusted = new ArrayList<>();
    trusted.add(signing.certificate());
    next.ifPresent(ca -> trusted.add(ca.certificate()));
    trusted.addAll(previous);
    return trusted;
  }

  /** The trust bundle as PEM: what clients load (ca.crt of every issued Secret, ca-bundle.crt of the CA's). */
  public String trustBundlePem() {
    return Pem.certificates(trusted());
  }

  public CaBundle withNext(CertificateAuthority successor) {
    return new CaBundle(signing, Optional.of(successor), previous);
  }

  /** The successor signs from now on; the old signing CA stays trusted as a previous one. */
  CaBundle switchToNext() {
    CertificateAuthority successor = next.orElseThrow(() -> new IllegalStateException("no successor published"));
    List<X509Certificate> older = new ArrayList<>();
    older.add(signing.certificate());
    older.addAll(previous);
    return new CaBundle(successor, Optional.empty(), older);
  }

  /** A fresh CA replaces one that already expired; nothing it signed can be trusted any longer anyway. */
  CaBundle replaceSigning(CertificateAuthority fresh) {
    return new CaBundle(fresh, next, previous);
  }

  CaBundle withoutExpiredPrevious(Instant now) {
    return new CaBundle(signing, next, previous.stream().filter(ca -> !Validity.expiredAt(ca, now)).toList());
  }

  @Override
  public String toString() {
    return "CaBundle[signing " + signing + next.map(ca -> ", next " + ca).orElse("") + ", " + previous.size()
        + " previous]";
  }
}
