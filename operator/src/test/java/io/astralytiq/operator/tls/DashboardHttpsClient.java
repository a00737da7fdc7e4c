package io.astralytiq.operator.tls;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A browser-like client: it dials the loopback address but verifies the certificate for the dashboard's host name
 * (SNI and HTTPS endpoint identification), trusting only the CAs it was given. It validates at the test clock's
 * time, so certificates months ahead of the real clock can be checked.
 */
final class DashboardHttpsClient {

  private final Supplier<SSLContext> context;

  private DashboardHttpsClient(Supplier<SSLContext> context) {
    this.context = context;
  }

  /** Trusts exactly the CAs in the PEM bundle (loaded now, kept as they are), validating at the clock's time. */
  static DashboardHttpsClient trusting(String bundlePem, Clock clock) throws Exception {
    KeyStore trusted = trustStore(bundlePem);
    return new DashboardHttpsClient(() -> {
      try {
        return context(trusted, clock.instant());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Trusts what the JDK trusts by default, as a client that was never given the operator's bundle. */
  static DashboardHttpsClient trustingJdkDefaults() throws Exception {
    SSLContext defaults = SSLContext.getDefault();
    return new DashboardHttpsClient(() -> defaults);
  }

  private static KeyStore trustStore(String bundlePem) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    var certificates = Pem.parseCertificates(bundlePem);
    for (int i = 0; i < certificates.size(); i++) {
      trusted.setCertificateEntry("ca-" + i, certificates.get(i));
    }
    return trusted;
  }

  private static SSLContext context(KeyStore trusted, Instant validationDate) throws GeneralSecurityException {
    PKIXBuilderParameters parameters = new PKIXBuilderParameters(trusted, new X509CertSelector());
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(validationDate));
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(new CertPathTrustManagerParameters(parameters));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /** GETs / from the server on the loopback port as the host; the status line, or an SSLException. */
  String get(int port, String host) throws Exception {
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      plain.setSoTimeout(10_000);
      try (SSLSocket tls = (SSLSocket) context.get().getSocketFactory().createSocket(plain, host, port, true)) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setServerNames(List.of(new SNIHostName(host)));
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        OutputStream out = tls.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII))
            .readLine();
      }
    }
  }
}
