package io.astralytiq.runtime.definition;

import io.astralytiq.runtime.RuntimeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The dashboard this process serves, loaded once at start. A definition that fails to load does not stop the
 * process: it stays up, not ready, and says why on the readiness probe and the page, so a rollout shows the cause
 * instead of a crash loop.
 */
@Component
public class DashboardSource {

  public static final List<String> TEMPLATES = List.of("kpi-overview", "monitoring", "sales-funnel");
  private static final Logger log = LoggerFactory.getLogger(DashboardSource.class);

  private final CompiledDashboard dashboard;
  private final List<String> problems;
  private final String origin;

  @org.springframework.beans.factory.annotation.Autowired
  public DashboardSource(RuntimeProperties properties) {
    CompiledDashboard loaded = null;
    List<String> errors = List.of();
    String from;
    if (properties.definition() != null) {
      from = properties.definition().toString();
    } else {
      from = "template " + Optional.ofNullable(properties.template()).orElse(TEMPLATES.get(0));
    }
    try {
      loaded = CompiledDashboard.from(DefinitionParser.parse(read(properties)));
      List<String> misplaced = DatasetPaths.problems(loaded, properties);
      if (!misplaced.isEmpty()) {
        loaded = null;
        throw new DefinitionException(misplaced);
      }
      log.info("serving dashboard '{}' from {} ({} panels, refresh {})", loaded.title(), from,
          loaded.panels().size(), loaded.refresh());
    } catch (DefinitionException e) {
      errors = e.problems();
      log.error("cannot serve the dashboard from {}: {}", from, String.join("; ", errors));
    }
    this.dashboard = loaded;
    this.problems = errors;
    this.origin = from;
  }

  private DashboardSource(CompiledDashboard dashboard, List<String> problems, String origin) {
    this.dashboard = dashboard;
    this.problems = List.copyOf(problems);
    this.origin = origin;
  }

  /** For slice tests and tools that already hold a validated dashboard. */
  public static DashboardSource of(CompiledDashboard dashboard) {
    return new DashboardSource(dashboard, List.of(), "memory");
  }

  /** For slice tests of what happens when the definition did not load. */
  public static DashboardSource failed(List<String> problems) {
    return new DashboardSource(null, problems, "memory");
  }

  public Optional<CompiledDashboard> dashboard() {
    return Optional.ofNullable(dashboard);
  }

  /** The loaded dashboard; callers that run only when one is loaded use this. */
  public CompiledDashboard require() {
    if (dashboard == null) {
      throw new DefinitionException(problems);
    }
    return dashboard;
  }

  public List<String> problems() {
    return problems;
  }

  public String origin() {
    return origin;
  }

  public static String readTemplate(String name) {
    if (!TEMPLATES.contains(name)) {
      throw new DefinitionException("unknown template '" + name + "'; templates: " + TEMPLATES);
    }
    try (InputStream in = DashboardSource.class.getResourceAsStream("/dashboards/" + name + ".yaml")) {
      if (in == null) {
        throw new DefinitionException("template '" + name + "' is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DefinitionException("cannot read template '" + name + "': " + e.getMessage());
    }
  }

  private static String read(RuntimeProperties properties) {
    if (properties.definition() == null) {
      return readTemplate(Optional.ofNullable(properties.template()).orElse(TEMPLATES.get(0)));
    }
    try {
      return Files.readString(properties.definition());
    } catch (IOException e) {
      throw new DefinitionException("cannot read the definition file " + properties.definition() + ": " + e);
    }
  }
}
