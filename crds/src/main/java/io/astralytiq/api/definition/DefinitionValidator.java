package io.astralytiq.api.definition;

import io.astralytiq.api.v1alpha1.definition.DashboardDefinition;
import io.astralytiq.api.v1alpha1.definition.Dataset;
import io.astralytiq.api.v1alpha1.definition.GridPosition;
import io.astralytiq.api.v1alpha1.definition.JdbcSource;
import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.api.v1alpha1.definition.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a definition the way the API server would and beyond: references between panels, variables and datasets.
 * The operator checks a definition held in a ConfigMap (spec.definitionRef, which the API server never looks into)
 * before it rolls it out; the runtime checks whatever file it reads. Reports every problem at once.
 */
public final class DefinitionValidator {

  private static final Pattern NAME = Pattern.compile("^[a-z_][a-z0-9_]*$");
  private static final Pattern PANEL_ID = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern FORMAT = Pattern.compile("^(number|percent|bytes|duration|currency:[A-Z]{3})$");
  private static final Pattern TABLE_REF =
      Pattern.compile("\\b(?:from|join)\\s+([a-z_][a-z0-9_]*)\\b(\\s*\\()?", Pattern.CASE_INSENSITIVE);
  private static final Pattern CTE = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s+as\\s*\\(", Pattern.CASE_INSENSITIVE);
  /** One file, absolute, no wildcards, no dot segments; which roots it may lie under is DatasetPaths' call. */
  private static final Pattern FILE_PATH = Pattern.compile("^(/(?!\\.\\.?(/|$))[^/*?\\[{}]+)+$");
  private static final Pattern DATASET_URL = Pattern.compile(Dataset.URL_PATTERN);
  private static final Pattern JDBC_URL = Pattern.compile(JdbcSource.URL_PATTERN);
  private static final Pattern DATASET_URL_PORT = Pattern.compile(Dataset.URL_PORT);
  private static final Pattern JDBC_URL_PORTS = Pattern.compile(JdbcSource.URL_PORTS);
  private static final Set<String> DATASET_FORMATS = Set.of("csv", "parquet", "json", "jdbc", "sample");
  private static final Set<String> SAMPLES = Set.of("orders", "metrics", "funnel");
  private static final Set<String> VARIABLE_TYPES = Set.of("select", "multiSelect", "dateRange");
  /** Query parameters the runtime's own endpoints take; a variable of that name would be ambiguous. */
  private static final Set<String> RESERVED = Set.of("width", "height", "theme", "known");

  /** The panel types the runtime draws. */
  public static final Set<String> PANEL_TYPES =
      Set.of("metric", "line", "area", "bar", "pie", "scatter", "table", "text");

  private DefinitionValidator() {}

  /** What is wrong with the definition, one sentence a dashboard author can act on each; empty when it is usable. */
  public static List<String> problems(DashboardDefinition d) {
    List<String> problems = new ArrayList<>();
    if (blank(d.getTitle())) {
      problems.add("title is required");
    }
    try {
      Durations.parse(d.getRefresh());
    } catch (IllegalArgumentException e) {
      problems.add("refresh: " + e.getMessage());
    }
    if (d.getTheme() == null || !Set.of("light", "dark", "auto").contains(d.getTheme())) {
      problems.add("theme must be light, dark or auto, not '" + d.getTheme() + "'");
    }
    Set<String> datasets = new TreeSet<>();
    for (int i = 0; i < d.getDatasets().size(); i++) {
      checkDataset(d.getDatasets().get(i), "datasets[" + i + "]", datasets, problems);
    }
    Set<String> variables = new HashSet<>();
    for (int i = 0; i < d.getVariables().size(); i++) {
      checkVariable(d.getVariables().get(i), "variables[" + i + "]", variables, problems);
    }
    if (d.getPanels() == null || d.getPanels().isEmpty()) {
      problems.add("panels: a dashboard needs at least one panel");
    } else {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < d.getPanels().size(); i++) {
        checkPanel(d, d.getPanels().get(i), "panels[" + i + "]", ids, datasets, problems);
      }
    }
    return List.copyOf(problems);
  }

  private static void checkDataset(Dataset ds, String at, Set<String> names, List<String> problems) {
    String name = ds.getName();
    if (blank(name) || !NAME.matcher(name).matches()) {
      problems.add(at + ".name: '" + name + "' must be a lower-case SQL name such as orders_2024");
      return;
    }
    String label = "dataset '" + name + "'";
    if (!names.add(name)) {
      problems.add(label + " is declared twice");
    }
    if (!DATASET_FORMATS.contains(ds.getFormat())) {
      problems.add(label + ": format must be one of csv, parquet, json, jdbc or sample, not '" + ds.getFormat() + "'");
    }
    long sources = java.util.stream.Stream.of(ds.getPath(), ds.getUrl(), ds.getJdbc(), ds.getSample())
        .filter(java.util.Objects::nonNull).count();
    if (sources != 1) {
      problems.add(label + " needs exactly one of path, url, jdbc or sample");
    }
    if (ds.getPath() != null && !FILE_PATH.matcher(ds.getPath()).matches()) {
      problems.add(label + ": path must be one file by its absolute path, without '..' or wildcards, not '"
          + ds.getPath() + "'");
    }
    if (ds.getUrl() != null && !DATASET_URL.matcher(ds.getUrl()).matches()) {
      problems.add(label + ": url must start with http:// or https:// and carry no credentials (user@)");
    } else if (ds.getUrl() != null && !DATASET_URL_PORT.matcher(ds.getUrl()).lookingAt()) {
      problems.add(label + ": the url's port must be 1 to 65535, in '" + ds.getUrl() + "'");
    }
    if (ds.getJdbc() != null && ds.getJdbc().getUrl() != null
        && !JDBC_URL.matcher(ds.getJdbc().getUrl()).matches()) {
      problems.add(label + ": jdbc.url must be a PostgreSQL URL such as jdbc:postgresql://db:5432/sales, without"
          + " credentials and with only the connection properties the API lists, not '" + ds.getJdbc().getUrl()
          + "'");
    } else if (ds.getJdbc() != null && ds.getJdbc().getUrl() != null
        && !JDBC_URL_PORTS.matcher(ds.getJdbc().getUrl()).lookingAt()) {
      problems.add(label + ": jdbc.url's ports must be 1 to 65535, in '" + ds.getJdbc().getUrl() + "'");
    }
    if ((ds.getJdbc() != null) != "jdbc".equals(ds.getFormat())) {
      problems.add(label + ": format jdbc goes with jdbc, and jdbc with format jdbc");
    }
    if (ds.getJdbc() != null && (blank(ds.getJdbc().getUrl()) || blank(ds.getJdbc().getQuery()))) {
      problems.add(label + ": jdbc needs url and query");
    }
    if ((ds.getSample() != null) != "sample".equals(ds.getFormat())) {
      problems.add(label + ": format sample goes with sample, and sample with format sample");
    }
    if (ds.getSample() != null && !SAMPLES.contains(ds.getSample())) {
      problems.add(label + ": unknown sample '" + ds.getSample() + "'; samples: " + new TreeSet<>(SAMPLES));
    }
  }

  private static void checkVariable(Variable v, String at, Set<String> names, List<String> problems) {
    String name = v.getName();
    if (blank(name) || !NAME.matcher(name).matches()) {
      problems.add(at + ".name: '" + name + "' must be a lower-case name such as region");
      return;
    }
    String label = "variable '" + name + "'";
    if (!names.add(name)) {
      problems.add(label + " is declared twice");
    }
    if (RESERVED.contains(name)) {
      problems.add(label + ": the name is reserved for the runtime's own parameters " + RESERVED);
    }
    if (!VARIABLE_TYPES.contains(v.getType())) {
      problems.add(label + ": unknown type '" + v.getType() + "'; expected select, multiSelect or dateRange");
      return;
    }
    if ("dateRange".equals(v.getType())) {
      if (v.getDefaultValue() != null && !DateRanges.isValid(v.getDefaultValue())) {
        problems.add(label + ": default '" + v.getDefaultValue() + "' is not a range such as 30d or"
            + " 2024-01-01..2024-03-31");
      }
      return;
    }
    if (v.getOptions().isEmpty() && blank(v.getOptionsQuery())) {
      problems.add(label + ": a " + v.getType() + " variable needs options or optionsQuery");
    }
    if (v.getDefaultValue() != null && !v.getOptions().isEmpty()) {
      for (String value : v.getDefaultValue().split(",")) {
        if (!v.getOptions().contains(value.trim())) {
          problems.add(label + ": default '" + value.trim() + "' is not one of its options " + v.getOptions());
        }
      }
    }
  }

  private static void checkPanel(DashboardDefinition d, Panel p, String at, Set<String> ids, Set<String> datasets,
      List<String> problems) {
    if (blank(p.getId()) || !PANEL_ID.matcher(p.getId()).matches()) {
      problems.add(at + ".id: '" + p.getId() + "' must be lower-case letters, digits and dashes");
      return;
    }
    String label = "panel '" + p.getId() + "'";
    if (!ids.add(p.getId())) {
      problems.add(label + ": the id is used twice");
    }
    if (blank(p.getType())) {
      problems.add(label + ": type is required; one of " + new TreeSet<>(PANEL_TYPES));
      return;
    }
    if (!PANEL_TYPES.contains(p.getType())) {
      problems.add(label + ": unknown type '" + p.getType() + "'; expected one of "
          + new TreeSet<>(PANEL_TYPES));
      return;
    }
    if (p.getFormat() != null && !FORMAT.matcher(p.getFormat()).matches()) {
      problems.add(label + ": format must be number, percent, bytes, duration or currency:<ISO code>, not '"
          + p.getFormat() + "'");
    }
    checkGrid(p.getGrid(), label, problems);
    if ("text".equals(p.getType())) {
      if (blank(p.getText())) {
        problems.add(label + ": a text panel needs text");
      }
      return;
    }
    if (blank(p.getQuery())) {
      problems.add(label + ": a " + p.getType() + " panel needs query");
      return;
    }
    checkTables(p.getQuery(), label, datasets, problems);
    checkParameters(d, p.getQuery(), label, problems);
  }

  private static void checkGrid(GridPosition g, String label, List<String> problems) {
    if (g == null) {
      return;
    }
    if (g.getCol() < 0 || g.getCol() > 11 || g.getWidth() < 1 || g.getWidth() > 12 || g.getCol() + g.getWidth() > 12) {
      problems.add(label + ": grid must fit the 12-column grid (0 <= col <= 11, 1 <= width <= 12, col + width <= 12), got col="
          + g.getCol() + " width=" + g.getWidth());
    }
    if (g.getRow() < 0 || g.getHeight() < 1 || g.getHeight() > 24) {
      problems.add(label + ": grid needs row >= 0 and 1 <= height <= 24");
    }
  }

  /** A best-effort check that catches the common typo: a FROM or JOIN naming something that is no dataset. */
  private static void checkTables(String sql, String label, Set<String> datasets, List<String> problems) {
    String withoutStrings = sql.replaceAll("'([^']|'')*'", "''");
    Set<String> ctes = new HashSet<>();
    Matcher cte = CTE.matcher(withoutStrings);
    while (cte.find()) {
      ctes.add(cte.group(1).toLowerCase(Locale.ROOT));
    }
    Matcher m = TABLE_REF.matcher(withoutStrings);
    while (m.find()) {
      String table = m.group(1).toLowerCase(Locale.ROOT);
      boolean functionCall = m.group(2) != null;
      if (!functionCall && !datasets.contains(table) && !ctes.contains(table)) {
        problems.add(label + ": the query reads from '" + table + "', which is not a dataset; datasets: "
            + datasets);
      }
    }
  }

  private static void checkParameters(DashboardDefinition d, String sql, String label, List<String> problems) {
    Map<String, Variable> variables = Parameters.byName(d.getVariables());
    for (String parameter : SqlTemplate.parse(sql).names()) {
      Optional<Variable> variable = Parameters.variableOf(parameter, variables);
      if (variable.isEmpty()) {
        problems.add(label + ": the query uses :" + parameter + ", which is not a declared variable");
      } else if ("dateRange".equals(variable.get().getType()) && parameter.equals(variable.get().getName())) {
        problems.add(label + ": a dateRange is bound as :" + parameter + "_from and :" + parameter + "_to");
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
