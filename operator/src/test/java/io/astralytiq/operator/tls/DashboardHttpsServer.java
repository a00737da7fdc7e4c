package io.astralytiq.operator.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.astralytiq.operator.tls.leaf.LeafSecretData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A local HTTPS server on a free loopback port standing in for the ingress: it serves whatever certificate the
 * leaf Secret data holds, and reloads when the Secret changes, as an ingress controller does.
 */
final class DashboardHttpsServer implements AutoCloseable {

  private static final char[] PASSWORD = "in-memory".toCharArray();

  private HttpsServer server;

  private DashboardHttpsServer(HttpsServer server) {
    this.server = server;
  }

  static DashboardHttpsServer serving(Map<String, String> leafSecretData) throws Exception {
    return new DashboardHttpsServer(start(leafSecretData));
  }

  /**
   * Serves the certificate in the data from now on. The JDK's server takes its TLS settings once, so this starts
   * a new one; {@link #port()} changes with it.
   */
  void reload(Map<String, String> leafSecretData) throws Exception {
    HttpsServer reloaded = start(leafSecretData);
    server.stop(0);
    server = reloaded;
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static HttpsServer start(Map<String, String> leafSecretData) throws Exception {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context(LeafSecretData.read(leafSecretData))));
    server.createContext("/", exchange -> {
      byte[] body = "dashboard".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private static SSLContext context(LeafCertificate leaf) throws IOException, GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    keyStore.setKeyEntry("dashboard", leaf.key(), PASSWORD, leaf.chain().toArray(Certificate[]::new));
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
