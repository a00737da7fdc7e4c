package io.astralytiq.operator.dashboard.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RegistryCredentialTest {

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void authIsBase64OfUserAndPasswordAndUsernamePasswordWorkToo() {
    String auth = Base64.getEncoder().encodeToString("robot$ci:s3cr:et".getBytes(StandardCharsets.UTF_8));

    assertThat(RegistryCredential.fromDockerConfigJson(json("""
        {"auths": {"registry.acme.io": {"auth": "%s"},
                   "https://index.docker.io/v1/": {"username": "alice", "password": "pw"},
                   "ghcr.io": {"identitytoken": "only a token"}}}""".formatted(auth))))
        .containsExactly(new RegistryCredential("registry.acme.io", "robot$ci", "s3cr:et"),
            new RegistryCredential("docker.io", "alice", "pw"));
  }

  @Test
  void aHostIsTakenFromAUrlKey() {
    assertThat(RegistryCredential.fromDockerConfigJson(json(
        "{\"auths\": {\"http://198.18.0.1:5000/v2/\": {\"username\": \"u\", \"password\": \"p\"}}}")))
        .extracting(RegistryCredential::registry).containsExactly("198.18.0.1:5000");
  }

  @Test
  void malformedJsonIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> RegistryCredential.fromDockerConfigJson(
        json("{\"auths\": {\"r\": {\"password\": hunter2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON")
        .hasMessageNotContaining("hunter2").hasNoCause();
    assertThatThrownBy(() -> RegistryCredential.fromDockerConfigJson(
        json("{\"auths\": {\"r\": {\"auth\": \"%%hunter2\"}}}")))
        .hasMessage("the .dockerconfigjson's auth for r is not base64");
    assertThatThrownBy(() -> RegistryCredential.fromDockerConfigJson(json("[1]")))
        .hasMessageContaining("no \"auths\"");
  }

  @Test
  void theStringOfACredentialHidesThePassword() {
    assertThat(new RegistryCredential("registry.acme.io", "robot", "hunter2").toString())
        .contains("registry.acme.io", "robot").doesNotContain("hunter2");
  }
}
