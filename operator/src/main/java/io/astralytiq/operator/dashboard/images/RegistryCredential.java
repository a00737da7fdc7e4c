package io.astralytiq.operator.dashboard.images;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A registry's credentials from an image pull Secret. Never logged: {@link #toString()} leaves the password out.
 *
 * @param registry host[:port] as image references name it (Docker Hub's {@code https://index.docker.io/v1/} is
 *     {@code docker.io})
 */
public record RegistryCredential(String registry, String username, String password) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The credentials of a {@code kubernetes.io/dockerconfigjson} Secret's {@code .dockerconfigjson}: for each host of
   * {@code auths}, its {@code auth} (base64 of user:password) or its {@code username} and {@code password}; hosts
   * with neither (an identity token only) are left out.
   *
   * @throws IllegalArgumentException when it is not such a document; the message never quotes its content
   */
  public static List<RegistryCredential> fromDockerConfigJson(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      // Jackson's message quotes the document: not a word of it, nor the exception, goes on.
      throw new IllegalArgumentException("the .dockerconfigjson is not valid JSON (at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException("the .dockerconfigjson cannot be read");
    }
    if (root == null || !root.isObject() || !root.path("auths").isObject()) {
      throw new IllegalArgumentException("the .dockerconfigjson has no \"auths\" object");
    }
    List<RegistryCredential> credentials = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("auths").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> entry = it.next();
      String host = host(entry.getKey());
      JsonNode auth = entry.getValue();
      if (auth.path("auth").isTextual() && !auth.path("auth").asText().isEmpty()) {
        credentials.add(fromAuth(host, auth.path("auth").asText()));
      } else if (auth.path("username").isTextual() && auth.path("password").isTextual()) {
        credentials.add(new RegistryCredential(host, auth.path("username").asText(), auth.path("password").asText()));
      }
    }
    return List.copyOf(credentials);
  }

  private static RegistryCredential fromAuth(String host, String auth) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the .dockerconfigjson's auth for " + host + " is not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("the .dockerconfigjson's auth for " + host + " is not user:password");
    }
    return new RegistryCredential(host, decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /** {@code https://registry.acme.io/v2/} and {@code registry.acme.io} alike: the host[:port] alone. */
  static String host(String key) {
    String host = key.trim().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    host = host.toLowerCase(Locale.ROOT);
    return host.equals("index.docker.io") || host.equals("registry-1.docker.io") ? ImageReference.DOCKER_HUB : host;
  }

  @Override
  public String toString() {
    return "RegistryCredential[registry=" + registry + ", username=" + username + ", password=(hidden)]";
  }
}
