package io.astralytiq.operator.tls.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.operator.config.TlsPolicy;
import io.astralytiq.operator.testing.MutableClock;
import io.astralytiq.operator.tls.CertificateIssuer;
import io.astralytiq.operator.tls.InvalidTlsDataException;
import io.astralytiq.operator.tls.Pem;
import io.astralytiq.operator.tls.SecretData;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CA bundle through the data of its Secret and back, in every phase of a rotation. */
class CaSecretDataTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final CertificateIssuer issuer = new CertificateIssuer(clock, TlsPolicy.DEFAULTS);
  private final CaRotation rotation = new CaRotation(issuer, clock, TlsPolicy.DEFAULTS);

  @Test
  void aSingleCaComesBackAsItWas() {
    CaBundle bundle = rotation.rotate(Optional.empty()).bundle();

    Map<String, String> data = CaSecretData.toData(bundle);

    assertThat(data).containsOnlyKeys("tls.crt", "tls.key", "ca-bundle.crt");
    assertThat(CaSecretData.fromData(data)).contains(bundle);
  }

  @Test
  void aPublishedSuccessorAndAPreviousCaComeBackInTheirPlaces() {
    CaBundle published = publishedSuccessor();
    clock.advance(TlsPolicy.DEFAULTS.rotationOverlap());
    CaBundle switched = rotation.rotate(Optional.of(published)).bundle();

    Map<String, String> publishedData = CaSecretData.toData(published);
    Map<String, String> switchedData = CaSecretData.toData(switched);

    assertThat(publishedData).containsOnlyKeys("tls.crt", "tls.key", "next.crt", "next.key", "ca-bundle.crt");
    assertThat(CaSecretData.fromData(publishedData)).contains(published);
    assertThat(switchedData).containsOnlyKeys("tls.crt", "tls.key", "ca-bundle.crt");
    assertThat(CaSecretData.fromData(switchedData)).contains(switched);
    assertThat(Pem.parseCertificates(SecretData.required(switchedData, "ca-bundle.crt"))).hasSize(2);
  }

  @Test
  void noDataMeansNoCaYet() {
    assertThat(CaSecretData.fromData(Map.of())).isEmpty();
    assertThat(CaSecretData.fromData(null)).isEmpty();
  }

  @Test
  void damagedDataIsAnErrorNotAFreshStart() {
    Map<String, String> data = new HashMap<>(CaSecretData.toData(rotation.rotate(Optional.empty()).bundle()));
    data.put("tls.key", "%%% not base64 %%%");

    assertThatThrownBy(() -> CaSecretData.fromData(data)).isInstanceOf(InvalidTlsDataException.class)
        .hasMessage("tls.key is not base64");
  }

  @Test
  void aSuccessorWithoutItsKeyIsAnError() {
    Map<String, String> data = new HashMap<>(CaSecretData.toData(publishedSuccessor()));
    data.remove("next.key");

    assertThatThrownBy(() -> CaSecretData.fromData(data)).hasMessage("next.key is missing");
  }

  @Test
  void theDataPrintsItsKeysButNeverTheirValues() {
    Map<String, String> data = CaSecretData.toData(rotation.rotate(Optional.empty()).bundle());

    assertThat(data.toString()).isEqualTo("{tls.crt=<redacted>, tls.key=<redacted>, ca-bundle.crt=<redacted>}");
  }

  private CaBundle publishedSuccessor() {
    CaBundle start = rotation.rotate(Optional.empty()).bundle();
    clock.set(start.signing().successorDueAt());
    return rotation.rotate(Optional.of(start)).bundle();
  }
}
