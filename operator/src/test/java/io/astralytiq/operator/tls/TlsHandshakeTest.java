package io.astralytiq.operator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.testing.MutableClock;
import io.astralytiq.operator.tls.ca.CaBundle;
import io.astralytiq.operator.tls.ca.CaRotation;
import io.astralytiq.operator.tls.leaf.LeafRenewal;
import io.astralytiq.operator.tls.leaf.LeafSecretData;
import io.astralytiq.operator.tls.leaf.Renewal;
import io.astralytiq.operator.tls.leaf.RenewalReason;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real TLS handshakes against operator-issued certificates: a local HTTPS server serves the dashboard's Secret, and
 * clients that trust only the operator's bundle connect by the dashboard's host name, through renewal and CA
 * rotation. Clients validate at the test clock's date, so months pass without waiting.
 */
class TlsHandshakeTest {

  private static final String HOST = "sales.example.test";
  private static final String OK = "HTTP/1.1 200 OK";
  /** How the JDK says that no trusted CA signed the server's certificate. */
  private static final String UNKNOWN_CA = "PKIX path building failed";

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final CertificateIssuer issuer = new CertificateIssuer(clock, TlsPolicy.DEFAULTS);
  private final CaRotation rotation = new CaRotation(issuer, clock, TlsPolicy.DEFAULTS);
  private final LeafRenewal renewal = new LeafRenewal(clock);
  private Optional<CaBundle> bundle = Optional.empty();
  private Map<String, String> dashboardSecret = Map.of();
  private DashboardHttpsServer server;

  @BeforeEach
  void issueAndServe() throws Exception {
    reconcile();
    server = DashboardHttpsServer.serving(dashboardSecret);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aClientTrustingTheBundleReachesTheDashboardByItsHostName() throws Exception {
    assertThat(clientTrustingTheSecretsBundle().get(server.port(), HOST)).isEqualTo(OK);
  }

  @Test
  void theSameClientRefusesAnotherHostName() throws Exception {
    DashboardHttpsClient client = clientTrustingTheSecretsBundle();

    assertThatThrownBy(() -> client.get(server.port(), "other.example.test"))
        .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("No subject alternative DNS name matching");
  }

  @Test
  void aClientTrustingOnlyTheJdkDefaultsIsRefused() throws Exception {
    DashboardHttpsClient client = DashboardHttpsClient.trustingJdkDefaults();

    assertThatThrownBy(() -> client.get(server.port(), HOST)).isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining(UNKNOWN_CA);
  }

  @Test
  void aRenewedCertificateIsServedAfterTheOldOneExpired() throws Exception {
    LeafCertificate first = LeafSecretData.read(dashboardSecret);
    clock.set(first.renewAt());

    assertThat(reconcile()).isEqualTo(RenewalReason.TWO_THIRDS_PASSED);
    server.reload(dashboardSecret);
    clock.set(first.notAfter().plusSeconds(1));

    assertThat(clientTrustingTheSecretsBundle().get(server.port(), HOST)).isEqualTo(OK);
  }

  @Test
  void aClientThatLoadedTheBundleWhenTheNextCaWasPublishedAcceptsItsCertificates() throws Exception {
    clock.set(bundle.orElseThrow().signing().successorDueAt());
    reconcile();
    server.reload(dashboardSecret);
    DashboardHttpsClient loadedAtPublication = clientTrustingTheSecretsBundle();
    assertThat(bundle.orElseThrow().next()).as("published, not yet signing").isPresent();

    clock.advance(TlsPolicy.DEFAULTS.rotationOverlap());
    assertThat(reconcile()).isEqualTo(RenewalReason.CA_ROTATED);
    server.reload(dashboardSecret);

    assertThat(loadedAtPublication.get(server.port(), HOST)).isEqualTo(OK);
  }

  @Test
  void aClientWithTheFirstBundleAcceptsOldCaCertificatesUntilTheyExpire() throws Exception {
    DashboardHttpsClient withFirstBundle = clientTrustingTheSecretsBundle();
    clock.set(bundle.orElseThrow().signing().successorDueAt());
    reconcile();
    server.reload(dashboardSecret);
    LeafCertificate signedByOldCa = LeafSecretData.read(dashboardSecret);

    clock.advance(TlsPolicy.DEFAULTS.rotationOverlap());
    assertThat(reconcile()).isEqualTo(RenewalReason.CA_ROTATED);
    assertThat(withFirstBundle.get(server.port(), HOST)).as("after the switch").isEqualTo(OK);
    clock.set(signedByOldCa.notAfter().minusSeconds(1));
    assertThat(withFirstBundle.get(server.port(), HOST)).as("until the certificate expires").isEqualTo(OK);

    server.reload(dashboardSecret);
    assertThatThrownBy(() -> withFirstBundle.get(server.port(), HOST))
        .as("a client that never reloads its bundle cannot know the new CA")
        .isInstanceOf(SSLHandshakeException.class).hasMessageContaining(UNKNOWN_CA);
  }

  /** What the reconciler does: step the CA, renew the certificate when due, rewrite the Secret with the trust. */
  private RenewalReason reconcile() {
    CaBundle current = rotation.rotate(bundle).bundle();
    bundle = Optional.of(current);
    Renewal decision = renewal.decide(dashboardSecret, HOST, current.signing());
    LeafCertificate leaf = decision.needed() ? issuer.issue(current.signing(), HOST)
        : LeafSecretData.read(dashboardSecret);
    dashboardSecret = LeafSecretData.toData(leaf, current);
    return decision.reason();
  }

  private DashboardHttpsClient clientTrustingTheSecretsBundle() throws Exception {
    return DashboardHttpsClient.trusting(SecretData.required(dashboardSecret, LeafSecretData.CA), clock);
  }
}
