package io.astralytiq.runtime.web;

import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.api.v1alpha1.definition.Variable;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.definition.DashboardSource;
import io.astralytiq.runtime.variables.InvalidVariableException;
import io.astralytiq.runtime.variables.VariableResolver;
import io.astralytiq.runtime.variables.VariableValues;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard page, rendered on the server: every title, label and option goes through the template's escaping;
 * the browser then fetches each panel's data and draws it. The variable controls are a plain GET form, so they work
 * with the keyboard and without script.
 */
@Controller
class DashboardPageController {

  static final List<String> DATE_RANGES = List.of("7d", "30d", "90d", "365d");

  private final DashboardSource source;
  private final VariableResolver variables;
  private final MarkdownRenderer markdown;

  DashboardPageController(DashboardSource source, VariableResolver variables, MarkdownRenderer markdown) {
    this.source = source;
    this.variables = variables;
    this.markdown = markdown;
  }

  @GetMapping("/")
  String page(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
    if (source.dashboard().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      model.addAttribute("problems", source.problems());
      model.addAttribute("origin", source.origin());
      return "unavailable";
    }
    CompiledDashboard dashboard = source.require();
    VariableValues values;
    String variableError = null;
    try {
      values = variables.resolve(RequestParams.of(params));
    } catch (InvalidVariableException e) {
      variableError = e.getMessage();
      values = variables.resolve(java.util.Map.of());
    }
    model.addAttribute("dashboard", dashboard.definition());
    model.addAttribute("refreshMs", dashboard.refresh().toMillis());
    model.addAttribute("variableError", variableError);
    model.addAttribute("variables", variableViews(dashboard, values));
    model.addAttribute("panels", panelViews(dashboard));
    return "dashboard";
  }

  private List<VariableView> variableViews(CompiledDashboard dashboard, VariableValues values) {
    List<VariableView> views = new ArrayList<>();
    for (Variable v : dashboard.variables()) {
      List<String> options = "dateRange".equals(v.getType()) ? dateRangeOptions(v) : variables.options(v);
      String label = v.getLabel() == null ? v.getName() : v.getLabel();
      views.add(new VariableView(v.getName(), label, v.getType(), options,
          values.selected().getOrDefault(v.getName(), List.of())));
    }
    return views;
  }

  private static List<String> dateRangeOptions(Variable v) {
    List<String> options = new ArrayList<>(DATE_RANGES);
    if (v.getDefaultValue() != null && !options.contains(v.getDefaultValue())) {
      options.add(0, v.getDefaultValue());
    }
    return options;
  }

  /** Document order follows the grid (row, then column), which is the reading order when a phone stacks panels. */
  private List<PanelView> panelViews(CompiledDashboard dashboard) {
    return dashboard.panels().stream()
        .sorted(Comparator.comparingInt((Panel p) -> p.getGrid() == null ? 0 : p.getGrid().getRow())
            .thenComparingInt(p -> p.getGrid() == null ? 0 : p.getGrid().getCol()))
        .map(p -> PanelView.of(p, dashboard.variablesOf(p.getId()),
            "text".equals(p.getType()) ? markdown.toHtml(p.getText()) : ""))
        .toList();
  }
}
