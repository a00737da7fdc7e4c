package io.astralytiq.operator.tls.leaf;

import io.astralytiq.operator.tls.InvalidTlsDataException;
import io.astralytiq.operator.tls.KeyPairs;
import io.astralytiq.operator.tls.LeafCertificate;
import io.astralytiq.operator.tls.Pem;
import io.astralytiq.operator.tls.SecretData;
import io.astralytiq.operator.tls.ca.CaBundle;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dashboard's certificate as the data of a kubernetes.io/tls Secret (base64 values, as {@code Secret.getData()}
 * holds them), which ingress controllers read:
 * <ul>
 *   <li>{@value #CERT}: the certificate, then the CA that signed it (PEM);</li>
 *   <li>{@value #KEY}: its private key (PKCS#8 PEM);</li>
 *   <li>{@value #CA}: the trust bundle, every CA a client should trust (PEM).</li>
 * </ul>
 */
public final class LeafSecretData {

  public static final String TYPE = "kubernetes.io/tls";
  public static final String CERT = "tls.crt";
  public static final String KEY = "tls.key";
  public static final String CA = "ca.crt";

  private LeafSecretData() {}

  /**
   * The Secret data for the certificate with the bundle's current trust. Rebuild it on every reconciliation, not
   * only on renewal: ca.crt must follow the bundle as CAs are published and dropped.
   */
  public static Map<String, String> toData(LeafCertificate leaf, CaBundle bundle) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(CERT, SecretData.encode(Pem.certificates(leaf.chain())));
    data.put(KEY, SecretData.encode(Pem.privateKey(leaf.key())));
    data.put(CA, SecretData.encode(bundle.trustBundlePem()));
    return SecretData.redacted(data);
  }

  /** The certificate, chain and key in kubernetes.io/tls Secret data; an exception saying what is wrong. */
  public static LeafCertificate read(Map<String, String> data) {
    List<X509Certificate> chain = SecretData.certificates(data, CERT);
    PrivateKey key = SecretData.privateKey(data, KEY);
    if (!KeyPairs.matches(key, chain.get(0).getPublicKey())) {
      throw new InvalidTlsDataException(KEY + " does not belong to the certificate in " + CERT);
    }
    return new LeafCertificate(chain.get(0), key, chain);
  }
}
