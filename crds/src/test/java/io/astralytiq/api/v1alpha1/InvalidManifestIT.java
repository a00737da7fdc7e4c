package io.astralytiq.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.testing.Command;
import io.astralytiq.testing.Crds;
import io.astralytiq.testing.Kubectl;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Applies every manifest of docs/api/invalid-manifests.md with kubectl against a real API server and checks
 * it is refused with exactly the message the page shows. Run with -Dastralytiq.updateDocs=true to rewrite
 * the page's messages from what the API server answers.
 */
@ExtendWith(RealApiServer.class)
class InvalidManifestIT {

  private static final Path PAGE = Project.path("docs/api/invalid-manifests.md");
  private static final Pattern CASE = Pattern.compile(
      "## (?<title>.+?)\\n\\n```yaml\\n(?<yaml>.*?)```\\n\\n```console\\n\\$ kubectl apply -f mistake.yaml\\n"
          + "(?<message>.*?)```", Pattern.DOTALL);

  record Mistake(String title, String yaml, String message) {}

  @BeforeAll
  static void installCrds(ApiServer server) {
    Crds.install(server.client());
    server.client().resource(new NamespaceBuilder().withNewMetadata().withName("acme-analytics").endMetadata()
        .build()).serverSideApply();
  }

  @TestFactory
  List<DynamicTest> everyDocumentedMistakeIsRefusedWithItsMessage(ApiServer server) throws IOException {
    List<Mistake> mistakes = mistakes(Files.readString(PAGE));
    assertThat(mistakes).as("cases on %s", PAGE).hasSizeGreaterThanOrEqualTo(40);
    if (Boolean.getBoolean("astralytiq.updateDocs")) {
      rewritePage(server.kubectl(), mistakes);
    }
    return mistakes.stream().map(mistake -> DynamicTest.dynamicTest(mistake.title(), () -> {
      Command.Result result = server.kubectl().runWithInput(mistake.yaml(), "apply", "-f", "-");
      assertThat(result.exitCode()).as("kubectl apply of an invalid manifest must fail").isNotZero();
      assertThat(result.stderr().strip()).isEqualTo(mistake.message().strip());
      assertThat(result.stderr()).as("the message names the field").containsPattern("spec(\\.[a-zA-Z\\[\\]0-9]+)*");
    })).toList();
  }

  private static List<Mistake> mistakes(String page) {
    List<Mistake> mistakes = new ArrayList<>();
    Matcher matcher = CASE.matcher(page);
    while (matcher.find()) {
      mistakes.add(new Mistake(matcher.group("title"), matcher.group("yaml"), matcher.group("message")));
    }
    return mistakes;
  }

  private static void rewritePage(Kubectl kubectl, List<Mistake> mistakes) throws IOException {
    String page = Files.readString(PAGE);
    for (Mistake mistake : mistakes) {
      String actual = kubectl.runWithInput(mistake.yaml(), "apply", "-f", "-").stderr().strip() + "\n";
      page = page.replace(mistake.yaml() + "```\n\n```console\n$ kubectl apply -f mistake.yaml\n" + mistake.message(),
          mistake.yaml() + "```\n\n```console\n$ kubectl apply -f mistake.yaml\n" + actual);
    }
    Files.writeString(PAGE, page);
  }
}
