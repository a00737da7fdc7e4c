package io.astralytiq.operator.tls.ca;

import io.astralytiq.operator.tls.CertificateAuthority;
import io.astralytiq.operator.tls.InvalidTlsDataException;
import io.astralytiq.operator.tls.KeyPairs;
import io.astralytiq.operator.tls.Pem;
import io.astralytiq.operator.tls.SecretData;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's CA bundle as the data of one Secret (base64 values, as {@code Secret.getData()} holds them):
 * <ul>
 *   <li>{@value #SIGNING_CERT}, {@value #SIGNING_KEY}: the CA that signs (certificate PEM, PKCS#8 key PEM);</li>
 *   <li>{@value #NEXT_CERT}, {@value #NEXT_KEY}: its published successor, during a rotation only;</li>
 *   <li>{@value #TRUST_BUNDLE}: every trusted CA certificate (signing, next, previous), PEM. Previous CAs are
 *   kept only here: they no longer sign, so their keys are dropped.</li>
 * </ul>
 */
public final class CaSecretData {

  public static final String SIGNING_CERT = "tls.crt";
  public static final String SIGNING_KEY = "tls.key";
  public static final String NEXT_CERT = "next.crt";
  public static final String NEXT_KEY = "next.key";
  public static final String TRUST_BUNDLE = "ca-bundle.crt";

  private CaSecretData() {}

  /** The Secret data for the bundle; printing the map shows its keys only. */
  public static Map<String, String> toData(CaBundle bundle) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(SIGNING_CERT, SecretData.encode(Pem.certificates(List.of(bundle.signing().certificate()))));
    data.put(SIGNING_KEY, SecretData.encode(Pem.privateKey(bundle.signing().key())));
    bundle.next().ifPresent(next -> {
      data.put(NEXT_CERT, SecretData.encode(Pem.certificates(List.of(next.certificate()))));
      data.put(NEXT_KEY, SecretData.encode(Pem.privateKey(next.key())));
    });
    data.put(TRUST_BUNDLE, SecretData.encode(bundle.trustBundlePem()));
    return SecretData.redacted(data);
  }

  /**
   * The bundle stored in the Secret data; empty when there is none yet (null or empty data). Damaged data is an
   * exception rather than a reason to start over: a new CA would silently break every client that trusts the old.
   */
  public static Optional<CaBundle> fromData(Map<String, String> data) {
    if (data == null || data.isEmpty()) {
      return Optional.empty();
    }
    CertificateAuthority signing = ca(data, SIGNING_CERT, SIGNING_KEY);
    Optional<CertificateAuthority> next = Optional.empty();
    if (data.containsKey(NEXT_CERT) || data.containsKey(NEXT_KEY)) {
      next = Optional.of(ca(data, NEXT_CERT, NEXT_KEY));
    }
    List<X509Certificate> trusted = data.containsKey(TRUST_BUNDLE) ? SecretData.certificates(data, TRUST_BUNDLE)
        : List.of();
    Optional<X509Certificate> nextCertificate = next.map(CertificateAuthority::certificate);
    List<X509Certificate> previous = trusted.stream()
        .filter(ca -> !ca.equals(signing.certificate()) && !nextCertificate.map(ca::equals).orElse(false))
        .toList();
    return Optional.of(new CaBundle(signing, next, previous));
  }

  private static CertificateAuthority ca(Map<String, String> data, String certKey, String keyKey) {
    X509Certificate certificate = SecretData.certificates(data, certKey).get(0);
    PrivateKey key = SecretData.privateKey(data, keyKey);
    if (!KeyPairs.matches(key, certificate.getPublicKey())) {
      throw new InvalidTlsDataException(keyKey + " does not belong to the certificate in " + certKey);
    }
    return new CertificateAuthority(certificate, key);
  }
}
