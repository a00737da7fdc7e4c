package io.astralytiq.operator.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.astralytiq.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Where the release's version is written down: the Maven POMs and the Helm chart (docs/supply-chain.md#versions). */
final class ReleaseVersions {

  /** The chart's two versions, as Chart.yaml says them. */
  record Chart(String version, String appVersion) {}

  /** A POM's own version and the version of the parent it names (empty when it has none). */
  record Pom(String version, String parentVersion) {}

  private ReleaseVersions() {}

  static Chart chart() {
    try {
      JsonNode chart = new ObjectMapper(new YAMLFactory())
          .readTree(Project.path("helm/astralytiq-operator/Chart.yaml").toFile());
      return new Chart(chart.path("version").asText(), chart.path("appVersion").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The POM of a module ("" for the root). */
  static Pom pom(String module) {
    Path file = Project.path(module.isEmpty() ? "pom.xml" : module + "/pom.xml");
    try {
      Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
          .getDocumentElement();
      return new Pom(text(project, "version"), text(child(project, "parent"), "version"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot parse " + file, e);
    }
  }

  /** The version of the whole project: the root POM's. */
  static String project() {
    return pom("").version();
  }

  /** The text of a direct child element, "" when there is none. */
  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? "" : child.getTextContent().trim();
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent == null ? null : parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
