import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Locale;

/**
 * Writes a Java truststore (PKCS#12) of the given PEM certificates, for hack/build-base-image: run with the host's
 * Java, so that the image's own JRE never has to run at build time (Debian's ca-certificates-java does that in a
 * maintainer script). Certificates are stored unencrypted and without a MAC, so there is no random salt and the same
 * certificates in the same order always give the same bytes; a truststore holds public data only.
 *
 *   java hack/lib/TrustStore.java OUT CERT.crt...
 */
public final class TrustStore {

  public static void main(String[] args) throws Exception {
    System.setProperty("keystore.pkcs12.certProtectionAlgorithm", "NONE");
    System.setProperty("keystore.pkcs12.macAlgorithm", "NONE");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    for (int i = 1; i < args.length; i++) {
      Path pem = Path.of(args[i]);
      try (InputStream in = Files.newInputStream(pem)) {
        String alias = pem.getFileName().toString().replaceFirst("\\.crt$", "").toLowerCase(Locale.ROOT);
        store.setCertificateEntry("debian:" + alias, x509.generateCertificate(in));
      }
    }
    try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
      store.store(out, new char[0]);
    }
    System.err.println("truststore " + args[0] + ": " + store.size() + " certificates");
  }
}
