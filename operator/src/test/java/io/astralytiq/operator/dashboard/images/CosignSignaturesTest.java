package io.astralytiq.operator.dashboard.images;

import static io.astralytiq.operator.dashboard.images.Recorded.IMAGE_DIGEST;
import static io.astralytiq.operator.dashboard.images.Recorded.OTHER;
import static io.astralytiq.operator.dashboard.images.Recorded.TRUSTED;
import static io.astralytiq.operator.dashboard.images.Recorded.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astralytiq.operator.dashboard.images.CosignSignatures.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature judge on what the real cosign wrote, and on copies of it tampered with. */
class CosignSignaturesTest {

  /** Blobs as a registry would serve them: by digest, whatever their bytes (a tampering registry). */
  private final Map<String, byte[]> blobs = new HashMap<>();

  private Verdict judge(String signatureManifest, List<TrustedKey> keys) throws RegistryException {
    return CosignSignatures.judge(IMAGE_DIGEST, bytes(signatureManifest), (digest, max) -> {
      byte[] blob = blobs.get(digest);
      if (blob == null) {
        throw new RegistryException(RegistryException.Kind.NOT_FOUND, "the blob " + digest + " is not there");
      }
      return blob;
    }, keys);
  }

  private void serve(String payload) {
    byte[] bytes = bytes(payload);
    blobs.put(Digests.sha256(bytes), bytes);
  }

  @Test
  void cosignsSignatureVerifiesWithItsKey() throws RegistryException {
    serve("signed.payload.json");

    Verdict verdict = judge("signed.sig.json", List.of(TRUSTED));

    assertThat(verdict.result()).isEqualTo(VerificationResult.VERIFIED);
    assertThat(verdict.keyName()).isEqualTo("trusted");
  }

  @Test
  void theSecondKeyVerifiesWhenTheFirstDoesNot() throws RegistryException {
    serve("signed.payload.json");

    Verdict verdict = judge("signed.sig.json", List.of(OTHER, TRUSTED));

    assertThat(verdict.result()).isEqualTo(VerificationResult.VERIFIED);
    assertThat(verdict.keyName()).as("key rotation: the new key listed first, the old one still trusted")
        .isEqualTo("trusted");
  }

  @Test
  void aSignatureByAnotherKeyIsUntrustedNamingTheKeysTried() throws RegistryException {
    serve("other-key.payload.json");

    Verdict verdict = judge("other-key.sig.json", List.of(TRUSTED));

    assertThat(verdict.result()).isEqualTo(VerificationResult.UNTRUSTED_KEY);
    assertThat(verdict.keyName()).isNull();
    assertThat(verdict.finding()).contains("tried trusted");
  }

  @Test
  void aSignatureOfAnotherDigestCopiedOverIsInvalid() throws RegistryException {
    serve("other-digest.payload.json");

    Verdict verdict = judge("other-digest.sig.json", List.of(TRUSTED));

    assertThat(verdict.result()).as("signed with the trusted key, but over another image")
        .isEqualTo(VerificationResult.SIGNATURE_INVALID);
    assertThat(verdict.finding()).contains("for another image, " + Recorded.UNSIGNED_DIGEST);
  }

  @Test
  void aPayloadChangedAfterSigningDoesNotHashToItsLayer() throws RegistryException {
    blobs.put(Digests.sha256(bytes("signed.payload.json")), bytes("changed.payload.json"));

    Verdict verdict = judge("changed-payload.sig.json", List.of(TRUSTED));

    assertThat(verdict.result()).isEqualTo(VerificationResult.SIGNATURE_INVALID);
    assertThat(verdict.finding()).contains("does not hash to its layer's digest", "tampered with");
  }

  @Test
  void aPayloadChangedAfterSigningWithItsLayerRewrittenNoLongerVerifies() throws RegistryException {
    serve("changed.payload.json");

    Verdict verdict = judge("changed-payload-redigested.sig.json", List.of(TRUSTED));

    assertThat(verdict.result()).as("well-formed, for this digest, but the trusted key did not sign these bytes")
        .isEqualTo(VerificationResult.UNTRUSTED_KEY);
    assertThat(verdict.finding()).contains("altered after signing");
  }

  @Test
  void aLayerDigestNoBlobHasIsInvalid() throws RegistryException {
    serve("signed.payload.json");

    Verdict verdict = judge("wrong-layer-digest.sig.json", List.of(TRUSTED));

    assertThat(verdict.result()).isEqualTo(VerificationResult.SIGNATURE_INVALID);
    assertThat(verdict.finding()).contains("sha256:" + "0".repeat(64), "is not there");
  }

  @Test
  void aLayerDigestServedWithOtherBytesIsInvalid() throws RegistryException {
    blobs.put("sha256:" + "0".repeat(64), bytes("signed.payload.json"));

    Verdict verdict = judge("wrong-layer-digest.sig.json", List.of(TRUSTED));

    assertThat(verdict.result()).isEqualTo(VerificationResult.SIGNATURE_INVALID);
    assertThat(verdict.finding()).contains("does not hash to its layer's digest");
  }

  @Test
  void anAnnotationThatIsNotBase64IsInvalid() throws RegistryException {
    serve("signed.payload.json");

    Verdict verdict = judge("bad-annotation.sig.json", List.of(TRUSTED));

    assertThat(verdict.result()).isEqualTo(VerificationResult.SIGNATURE_INVALID);
    assertThat(verdict.finding()).contains("annotation is not base64");
  }

  @Test
  void aManifestWithoutSignatureLayersIsInvalid() throws RegistryException {
    Verdict verdict = CosignSignatures.judge(IMAGE_DIGEST, bytes("image.json"), (d, max) -> new byte[0],
        List.of(TRUSTED));

    assertThat(verdict.result()).isEqualTo(VerificationResult.SIGNATURE_INVALID);
    assertThat(verdict.finding()).contains("no " + CosignSignatures.SIMPLE_SIGNING + " layer");
  }

  @Test
  void aRegistryThatCannotBeReadGivesNoVerdict() {
    assertThatThrownBy(() -> CosignSignatures.judge(IMAGE_DIGEST, bytes("signed.sig.json"), (d, max) -> {
      throw new RegistryException(RegistryException.Kind.UNREACHABLE, "no answer");
    }, List.of(TRUSTED))).isInstanceOf(RegistryException.class);
  }
}
