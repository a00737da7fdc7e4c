package io.astralytiq.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.astralytiq.testing.Command;
import io.astralytiq.testing.Crds;
import io.astralytiq.testing.Project;
import io.astralytiq.testing.RealApiServer;
import io.astralytiq.testing.RealApiServer.ApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The YAML in the docs is what a reader copies: every block must parse, and every whole manifest in it must be
 * accepted by the API server (server-side dry run). Deliberate mistakes live in api/invalid-manifests.md, which
 * InvalidManifestIT checks against their refusal messages instead.
 */
@ExtendWith(RealApiServer.class)
class DocsManifestsIT {

  private static final Pattern YAML_BLOCK = Pattern.compile("^ *```ya?ml\\n(.*?)^ *```", Pattern.MULTILINE
      | Pattern.DOTALL);
  private static final Path INVALID = Path.of("api", "invalid-manifests.md");

  record Block(Path page, String yaml) {
    boolean isManifest() {
      return yaml.contains("apiVersion:") && yaml.contains("kind:");
    }
  }

  @Test
  void everyYamlBlockParses() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Block> blocks = blocks();
    assertThat(blocks).hasSizeGreaterThan(5);
    for (Block b : blocks) {
      try {
        yaml.readTree(b.yaml());
      } catch (IOException e) {
        throw new AssertionError("a YAML block in " + b.page() + " does not parse: " + e.getMessage()
            + "\n" + b.yaml(), e);
      }
    }
  }

  @Test
  void everyManifestIsAcceptedByTheApiServer(ApiServer server) throws IOException {
    Crds.install(server.client());
    server.client().resource(new NamespaceBuilder().withNewMetadata().withName("acme-analytics").endMetadata()
        .build()).serverSideApply();
    List<Block> manifests = blocks().stream().filter(Block::isManifest).toList();
    assertThat(manifests).as("whole manifests in the docs").hasSizeGreaterThanOrEqualTo(2);
    for (Block m : manifests) {
      Command.Result r = server.kubectl().runWithInput(m.yaml(), "apply", "--dry-run=server", "-f", "-");
      assertThat(r.exitCode()).as("a manifest in %s is refused: %s\n%s", m.page(), r.stderr(), m.yaml())
          .isZero();
    }
  }

  private static List<Block> blocks() throws IOException {
    Path docs = Project.path("docs");
    List<Block> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(docs)) {
      for (Path page : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        if (docs.relativize(page).equals(INVALID)) {
          continue;
        }
        Matcher m = YAML_BLOCK.matcher(Files.readString(page));
        while (m.find()) {
          out.add(new Block(docs.relativize(page), m.group(1).stripIndent()));
        }
      }
    }
    return out;
  }
}
