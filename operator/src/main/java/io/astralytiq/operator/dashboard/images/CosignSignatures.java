package io.astralytiq.operator.dashboard.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sigstore.encryption.signers.Verifiers;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The judging of cosign v2 signatures (key pair, no transparency log) of one digest, from the signature manifest
 * ({@code sha256-<hex>.sig}) and its simple-signing payload blobs. Each layer of type
 * {@value #SIMPLE_SIGNING} is one signature: its payload must hash to the layer's digest, stay within
 * {@value #MAX_PAYLOAD_BYTES} bytes, say {@value #SIGNATURE_TYPE} and name the digest being verified, and its
 * {@value #SIGNATURE_ANNOTATION} annotation must be base64; then Sigstore Java's verifier of each trusted key is asked
 * about the exact payload bytes. One layer verified with a key is enough.
 */
final class CosignSignatures {

  static final String SIMPLE_SIGNING = "application/vnd.dev.cosign.simplesigning.v1+json";
  static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
  static final String SIGNATURE_TYPE = "cosign container image signature";
  static final int MAX_PAYLOAD_BYTES = 64 << 10;
  private static final int MAX_LAYERS = 64;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where payload blobs come from: the registry, or recorded files in tests. */
  interface Blobs {
    byte[] read(String digest, int maxBytes) throws RegistryException;
  }

  /**
   * What the signatures say.
   *
   * @param result VERIFIED, UNTRUSTED_KEY or SIGNATURE_INVALID
   * @param keyName the key that verified, or null
   * @param finding what was found, worded to follow the image's name in the check's message
   */
  record Verdict(VerificationResult result, String keyName, String finding) {}

  private CosignSignatures() {}

  /**
   * @throws RegistryException when the registry cannot be read (unreachable, refused): no verdict either way
   */
  static Verdict judge(String digest, byte[] signatureManifest, Blobs blobs, List<TrustedKey> keys)
      throws RegistryException {
    JsonNode manifest;
    try {
      manifest = JSON.readTree(signatureManifest);
    } catch (IOException e) {
      return invalid("its signature manifest is not JSON");
    }
    List<JsonNode> layers = new ArrayList<>();
    manifest.path("layers").forEach(layer -> {
      if (SIMPLE_SIGNING.equals(layer.path("mediaType").asText())) {
        layers.add(layer);
      }
    });
    if (layers.isEmpty()) {
      return invalid("its signature manifest has no " + SIMPLE_SIGNING + " layer");
    }
    if (layers.size() > MAX_LAYERS) {
      return invalid("its signature manifest has " + layers.size() + " signatures, more than " + MAX_LAYERS);
    }
    String problem = null;
    boolean wellFormed = false;
    for (JsonNode layer : layers) {
      Signature signature = read(digest, layer, blobs);
      if (signature.problem() != null) {
        problem = problem == null ? signature.problem() : problem;
        continue;
      }
      wellFormed = true;
      for (TrustedKey key : keys) {
        if (verifies(key, signature.payload(), signature.bytes())) {
          return new Verdict(VerificationResult.VERIFIED, key.name(), "is signed with trusted key " + key.name());
        }
      }
    }
    if (wellFormed) {
      return new Verdict(VerificationResult.UNTRUSTED_KEY, null, "is signed, but not with a trusted key (" + tried(keys)
          + "): its signature" + (layers.size() > 1 ? "s verify" : " verifies")
          + " with none of them (made with another key, or altered after signing)");
    }
    return invalid(problem);
  }

  /** One signature layer, read and checked up to the keys: its payload and signature, or what is wrong with it. */
  private record Signature(byte[] payload, byte[] bytes, String problem) {
    static Signature wrong(String problem) {
      return new Signature(null, null, problem);
    }
  }

  private static Signature read(String digest, JsonNode layer, Blobs blobs) throws RegistryException {
    String layerDigest = layer.path("digest").asText();
    if (!ImageReference.DIGEST.matcher(layerDigest).matches()) {
      return Signature.wrong("a signature layer's digest is not sha256:<hex>");
    }
    if (layer.path("size").asLong(-1) > MAX_PAYLOAD_BYTES) {
      return Signature.wrong("a signature payload is larger than " + MAX_PAYLOAD_BYTES + " bytes");
    }
    String annotation = layer.path("annotations").path(SIGNATURE_ANNOTATION).asText("");
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(annotation);
      if (signature.length == 0) {
        return Signature.wrong("a signature layer has no " + SIGNATURE_ANNOTATION + " annotation");
      }
    } catch (IllegalArgumentException e) {
      return Signature.wrong("a signature layer's " + SIGNATURE_ANNOTATION + " annotation is not base64");
    }
    byte[] payload;
    try {
      payload = blobs.read(layerDigest, MAX_PAYLOAD_BYTES);
    } catch (RegistryException e) {
      if (e.kind() == RegistryException.Kind.NOT_FOUND || e.kind() == RegistryException.Kind.TAMPERED) {
        return Signature.wrong("its signature payload " + layerDigest + " cannot be trusted: " + e.getMessage());
      }
      throw e;
    }
    if (!Digests.sha256(payload).equals(layerDigest)) {
      return Signature.wrong("its signature payload does not hash to its layer's digest " + layerDigest
          + " (tampered with)");
    }
    JsonNode critical;
    try {
      critical = JSON.readTree(payload).path("critical");
    } catch (IOException e) {
      return Signature.wrong("its signature payload " + layerDigest + " is not JSON");
    }
    if (!SIGNATURE_TYPE.equals(critical.path("type").asText())) {
      return Signature.wrong("its signature payload is not of type '" + SIGNATURE_TYPE + "'");
    }
    String signed = critical.path("image").path("docker-manifest-digest").asText();
    if (!digest.equals(signed)) {
      return Signature.wrong("its signature payload is for another image, " + (signed.isEmpty() ? "none" : signed)
          + " (a signature copied over from another digest)");
    }
    return new Signature(payload, signature, null);
  }

  private static boolean verifies(TrustedKey key, byte[] payload, byte[] signature) {
    try {
      return Verifiers.newVerifier(key.key()).verify(payload, signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      // A signature the key's algorithm cannot even parse (DER of another size, say) is not made with that key.
      return false;
    }
  }

  static String tried(List<TrustedKey> keys) {
    return keys.isEmpty() ? "no trusted keys given"
        : "tried " + keys.stream().map(TrustedKey::name).collect(Collectors.joining(", "));
  }

  private static Verdict invalid(String problem) {
    return new Verdict(VerificationResult.SIGNATURE_INVALID, null, "has an invalid signature: " + problem);
  }
}
