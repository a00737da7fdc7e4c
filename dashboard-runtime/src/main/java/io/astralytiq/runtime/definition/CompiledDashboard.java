package io.astralytiq.runtime.definition;

import io.astralytiq.api.definition.DefinitionValidator;
import io.astralytiq.api.definition.Durations;
import io.astralytiq.api.definition.Parameters;
import io.astralytiq.api.definition.SqlTemplate;
import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.api.v1alpha1.definition.Variable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated definition plus what the runtime derives from it once: the refresh interval, each panel's parsed SQL,
 * the variables and datasets each panel depends on. Immutable after construction.
 */
public final class CompiledDashboard {

  public static final Set<String> CHART_TYPES = Set.of("line", "area", "bar", "pie", "scatter");

  private final DashboardDefinition definition;
  private final Duration refresh;
  private final Map<String, Panel> panels = new LinkedHashMap<>();
  private final Map<String, Variable> variables = new LinkedHashMap<>();
  private final Map<String, SqlTemplate> queries = new LinkedHashMap<>();
  private final Map<String, Set<String>> panelVariables = new LinkedHashMap<>();
  private final Map<String, Set<String>> panelDatasets = new LinkedHashMap<>();

  CompiledDashboard(DashboardDefinition definition) {
    this.definition = definition;
    this.refresh = Durations.parse(definition.getRefresh());
    variables.putAll(Parameters.byName(definition.getVariables()));
    for (Panel p : definition.getPanels()) {
      panels.put(p.getId(), p);
      if (p.getQuery() != null) {
        SqlTemplate sql = SqlTemplate.parse(p.getQuery());
        queries.put(p.getId(), sql);
        panelVariables.put(p.getId(), variablesOf(sql));
        panelDatasets.put(p.getId(), datasetsIn(p.getQuery()));
      } else {
        panelVariables.put(p.getId(), Set.of());
        panelDatasets.put(p.getId(), Set.of());
      }
    }
  }

  /** The dashboard of a definition the shared validator accepts; a DefinitionException listing every problem else. */
  public static CompiledDashboard from(DashboardDefinition definition) {
    List<String> problems = DefinitionValidator.problems(definition);
    if (!problems.isEmpty()) {
      throw new DefinitionException(problems);
    }
    return new CompiledDashboard(definition);
  }

  /** An empty dashboard standing in while the real one failed to load, so services can be wired regardless. */
  public static CompiledDashboard placeholder() {
    DashboardDefinition d = new DashboardDefinition();
    d.setTitle("Dashboard unavailable");
    d.setPanels(List.of());
    return new CompiledDashboard(d);
  }

  public DashboardDefinition definition() {
    return definition;
  }

  public String title() {
    return definition.getTitle();
  }

  public Duration refresh() {
    return refresh;
  }

  public List<Panel> panels() {
    return List.copyOf(panels.values());
  }

  public Optional<Panel> panel(String id) {
    return Optional.ofNullable(panels.get(id));
  }

  public List<Variable> variables() {
    return List.copyOf(variables.values());
  }

  public Optional<Variable> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  public List<Dataset> datasets() {
    return definition.getDatasets();
  }

  public SqlTemplate query(String panelId) {
    return queries.get(panelId);
  }

  /** Names of the variables a panel's query uses: a change to any other variable leaves the panel as it is. */
  public Set<String> variablesOf(String panelId) {
    return panelVariables.getOrDefault(panelId, Set.of());
  }

  /** Names of the datasets a panel's query mentions, loaded before it runs. */
  public Set<String> datasetsOf(String panelId) {
    return panelDatasets.getOrDefault(panelId, Set.of());
  }

  /** Maps a parameter to its variable: a dateRange {@code period} is bound as {@code period_from}/{@code _to}. */
  public Optional<Variable> variableOfParameter(String parameter) {
    return Parameters.variableOf(parameter, variables);
  }

  private Set<String> variablesOf(SqlTemplate sql) {
    Set<String> used = new LinkedHashSet<>();
    for (String name : sql.names()) {
      variableOfParameter(name).ifPresent(v -> used.add(v.getName()));
    }
    return Set.copyOf(used);
  }

  private Set<String> datasetsIn(String sql) {
    Set<String> used = new LinkedHashSet<>();
    String lower = sql.toLowerCase(Locale.ROOT);
    for (Dataset d : definition.getDatasets()) {
      if (Pattern.compile("\\b" + Pattern.quote(d.getName()) + "\\b").matcher(lower).find()) {
        used.add(d.getName());
      }
    }
    return Set.copyOf(used);
  }
}
