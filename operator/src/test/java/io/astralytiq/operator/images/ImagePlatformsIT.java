package io.astralytiq.operator.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each platform of each image runs a Java built for that platform: the arm64 images cannot run here, so the
 * executable their entrypoint starts is read from the registry and its ELF header checked (e_machine 183 is AArch64,
 * 62 is x86-64).
 */
class ImagePlatformsIT {

  private static final LocalImages IMAGES = LocalImages.ofThisBuild();
  private static final int ET_EXEC = 2;
  private static final int ET_DYN = 3;

  @ParameterizedTest(name = "{0} {1}: e_machine {2}")
  @CsvSource({
      LocalImages.RUNTIME + ", arm64, 183",
      LocalImages.OPERATOR + ", arm64, 183",
      LocalImages.RUNTIME + ", amd64, 62",
  })
  void theEntrypointsJavaIsAnExecutableForThePlatform(String image, String architecture, int machine) {
    OciRegistry registry = IMAGES.client();
    String repository = IMAGES.path(image);
    OciRegistry.Manifest manifest = registry.platform(repository,
        registry.manifest(repository, IMAGES.commitTag()), architecture);
    JsonNode config = registry.config(repository, manifest);
    assertThat(config.path("architecture").asText()).isEqualTo(architecture);
    String program = config.path("config").path("Entrypoint").path(0).asText();
    assertThat(program).isEqualTo("java");

    ImageLayers layers = ImageLayers.read(registry, repository, manifest);
    String java = onPath(layers, config, program);
    assertThat(java).isEqualTo("usr/lib/jvm/java-17-openjdk-" + architecture + "/bin/java");

    ByteBuffer elf = ByteBuffer.wrap(layers.head(java, 20)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(elf.getInt(0)).as("ELF magic").isEqualTo(0x464c457f);
    assertThat(elf.get(4)).as("EI_CLASS: 64-bit").isEqualTo((byte) 2);
    assertThat(elf.get(5)).as("EI_DATA: little endian").isEqualTo((byte) 1);
    assertThat((int) elf.getShort(16)).as("e_type").isIn(ET_EXEC, ET_DYN);
    assertThat(elf.getShort(18) & 0xffff).as("e_machine").isEqualTo(machine);
  }

  /** The file a program name resolves to through the image's PATH, as execvp would find it. */
  private static String onPath(ImageLayers layers, JsonNode config, String program) {
    List<String> path = new ArrayList<>();
    for (JsonNode env : config.path("config").path("Env")) {
      if (env.asText().startsWith("PATH=")) {
        path.addAll(List.of(env.asText().substring("PATH=".length()).split(":")));
      }
    }
    for (String dir : path) {
      ImageLayers.Entry entry = layers.file(dir + "/" + program);
      if (entry != null && entry.regularFile()) {
        return entry.path();
      }
    }
    throw new AssertionError(program + " is on no directory of the image's PATH " + path);
  }
}
