import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads Surefire and Failsafe XML reports for hack/test-report: totals per module and tool, every flaky test (a
 * flakyFailure or flakyError: it failed, then passed on a rerun) and every failure, as text or as Markdown for a
 * GitHub job summary. A report is MODULE/target/surefire-reports/*.xml or MODULE/target/failsafe-reports/*.xml; files
 * that are not test suites (failsafe-summary.xml) are passed over.
 *
 *   java hack/lib/TestReport.java [--markdown] REPORT.xml...
 *
 * Exit status: 1 when a test failed or a report could not be read, else 0 (flaky tests passed in the end).
 */
public final class TestReport {

  private static final int MESSAGE_LENGTH = 240;

  enum Outcome { PASSED, FLAKY, FAILED, SKIPPED }

  record Result(String module, String tool, String test, Outcome outcome, int failedRuns, String message) {}

  public static void main(String[] args) throws Exception {
    boolean markdown = false;
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--markdown")) {
        markdown = true;
      } else {
        files.add(Path.of(arg));
      }
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder parser = factory.newDocumentBuilder();

    List<Result> results = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (Path file : files) {
      Element root;
      try {
        parser.reset();
        root = parser.parse(file.toFile()).getDocumentElement();
      } catch (Exception e) {
        unreadable.add(file + ": " + oneLine(String.valueOf(e.getMessage())));
        continue;
      }
      String tool = file.getParent().getFileName().toString().replaceFirst("-reports$", "");
      String module = file.getParent().getParent().getParent().getFileName().toString();
      for (Element suite : suites(root)) {
        for (Element testcase : children(suite, "testcase")) {
          results.add(result(module, tool, testcase));
        }
      }
    }
    String report = markdown ? markdown(results, unreadable) : text(results, unreadable);
    System.out.print(report);
    System.exit(count(results, Outcome.FAILED) > 0 || !unreadable.isEmpty() ? 1 : 0);
  }

  private static List<Element> suites(Element root) {
    return switch (root.getTagName()) {
      case "testsuite" -> List.of(root);
      case "testsuites" -> children(root, "testsuite");
      default -> List.of();
    };
  }

  private static Result result(String module, String tool, Element testcase) {
    String test = testcase.getAttribute("classname") + "." + testcase.getAttribute("name");
    Element failure = first(testcase, "failure", "error");
    List<Element> flakes = children(testcase, "flakyFailure", "flakyError");
    List<Element> reruns = children(testcase, "rerunFailure", "rerunError");
    if (failure != null) {
      return new Result(module, tool, test, Outcome.FAILED, 1 + reruns.size(), message(failure));
    }
    if (!flakes.isEmpty()) {
      return new Result(module, tool, test, Outcome.FLAKY, flakes.size(), message(flakes.get(0)));
    }
    if (first(testcase, "skipped") != null) {
      return new Result(module, tool, test, Outcome.SKIPPED, 0, message(first(testcase, "skipped")));
    }
    return new Result(module, tool, test, Outcome.PASSED, 0, "");
  }

  private static String message(Element element) {
    String type = element.getAttribute("type");
    String message = element.getAttribute("message");
    String text = type.isEmpty() ? message : message.isEmpty() ? type : type + ": " + message;
    text = oneLine(text);
    return text.length() > MESSAGE_LENGTH ? text.substring(0, MESSAGE_LENGTH) + "..." : text;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static String text(List<Result> results, List<String> unreadable) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Test reports: %s%n", totals(results)));
    for (Map.Entry<String, List<Result>> group : byModuleAndTool(results).entrySet()) {
      out.append(String.format(Locale.ROOT, "  %-28s %s%n", group.getKey(), totals(group.getValue())));
    }
    long flaky = count(results, Outcome.FLAKY);
    if (flaky > 0) {
      out.append(String.format(Locale.ROOT,
          "%n!!! %d FLAKY test(s): failed, then passed on the rerun, so the build does not fail on them; the bug "
              + "is real all the same: fix the test or the code.%n", flaky));
    }
    for (Result r : results) {
      if (r.outcome() == Outcome.FLAKY) {
        out.append(String.format(Locale.ROOT, "FLAKY   %s (%s %s): failed %d time(s) before passing: %s%n", r.test(),
            r.module(), r.tool(), r.failedRuns(), r.message()));
      }
    }
    for (Result r : results) {
      if (r.outcome() == Outcome.FAILED) {
        out.append(String.format(Locale.ROOT, "FAILED  %s (%s %s): %d run(s), all failed: %s%n", r.test(),
            r.module(), r.tool(), r.failedRuns(), r.message()));
      }
    }
    for (String file : unreadable) {
      out.append("UNREADABLE report ").append(file).append(System.lineSeparator());
    }
    out.append(String.format(Locale.ROOT, "flaky: %d%n", flaky));
    out.append(String.format(Locale.ROOT, "tests: %d passed, %d failed, %d skipped%n",
        count(results, Outcome.PASSED) + flaky, count(results, Outcome.FAILED), count(results, Outcome.SKIPPED)));
    return out.toString();
  }

  private static String markdown(List<Result> results, List<String> unreadable) {
    StringBuilder out = new StringBuilder("## Tests\n\n| module | tool | tests | passed | flaky | failed | skipped |\n"
        + "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (List<Result> group : byModuleAndTool(results).values()) {
      Result any = group.get(0);
      out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d |%n", any.module(), any.tool(),
          group.size(), count(group, Outcome.PASSED), count(group, Outcome.FLAKY), count(group, Outcome.FAILED),
          count(group, Outcome.SKIPPED)));
    }
    out.append(String.format(Locale.ROOT, "%n%s%n", totals(results)));
    section(out, results, Outcome.FLAKY, "Flaky: failed, then passed on the rerun (the build stays green; fix them)");
    section(out, results, Outcome.FAILED, "Failed");
    if (!unreadable.isEmpty()) {
      out.append("\n### Unreadable reports\n\n");
      unreadable.forEach(file -> out.append("- ").append(file).append('\n'));
    }
    return out.toString();
  }

  private static void section(StringBuilder out, List<Result> results, Outcome outcome, String title) {
    List<Result> listed = results.stream().filter(r -> r.outcome() == outcome).toList();
    if (listed.isEmpty()) {
      return;
    }
    out.append("\n### ").append(title).append("\n\n");
    for (Result r : listed) {
      out.append(String.format(Locale.ROOT, "- `%s` (%s %s): %s%n", r.test(), r.module(), r.tool(),
          r.message().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }
  }

  private static String totals(List<Result> results) {
    return String.format(Locale.ROOT, "%d tests: %d passed, %d flaky, %d failed, %d skipped", results.size(),
        count(results, Outcome.PASSED), count(results, Outcome.FLAKY), count(results, Outcome.FAILED),
        count(results, Outcome.SKIPPED));
  }

  private static Map<String, List<Result>> byModuleAndTool(List<Result> results) {
    Map<String, List<Result>> groups = new TreeMap<>();
    for (Result r : results) {
      groups.computeIfAbsent(r.module() + " " + r.tool(), k -> new ArrayList<>()).add(r);
    }
    return groups;
  }

  private static long count(List<Result> results, Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  private static Element first(Element parent, String... names) {
    List<Element> found = children(parent, names);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String... names) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && List.of(names).contains(element.getTagName())) {
        found.add(element);
      }
    }
    return found;
  }

  private TestReport() {}
}
