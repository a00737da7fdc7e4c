package io.astralytiq.operator.dashboard.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sigstore Java is a dependency without its own (root POM): its key parsing and verifiers need only BouncyCastle.
 * This runs a real verification on a classpath where the keyless stack it would bring is absent.
 */
class SigstoreClasspathTest {

  @ParameterizedTest
  @ValueSource(strings = {"io.grpc.Channel", "com.google.protobuf.Message", "com.google.api.client.http.HttpTransport",
      "com.google.auth.oauth2.GoogleCredentials", "com.google.gson.Gson", "dev.sigstore.proto.common.v1.PublicKey"})
  void theKeylessStackIsNotOnTheClasspath(String className) {
    assertThatThrownBy(() -> {
      Class<?> loaded = Class.forName(className);
      // sigstore-java's generated protobuf classes are in its jar, but cannot load without protobuf
      loaded.getMethods();
    }).isInstanceOfAny(ClassNotFoundException.class, NoClassDefFoundError.class);
  }

  @Test
  void aCosignSignatureVerifiesWithoutIt() throws RegistryException {
    byte[] payload = Recorded.bytes("signed.payload.json");

    CosignSignatures.Verdict verdict = CosignSignatures.judge(Recorded.IMAGE_DIGEST,
        Recorded.bytes("signed.sig.json"), (digest, max) -> payload, List.of(Recorded.TRUSTED));

    assertThat(verdict.result()).isEqualTo(VerificationResult.VERIFIED);
  }
}
