package io.astralytiq.runtime.web;

import io.astralytiq.runtime.definition.DashboardSource;
import io.astralytiq.runtime.panels.PanelData;
import io.astralytiq.runtime.panels.PanelService;
import io.astralytiq.runtime.variables.VariableResolver;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The data endpoint: one panel's rows, or every panel's, for the variable values in the query string. */
@RestController
class PanelDataController {

  private final DashboardSource source;
  private final PanelService panels;
  private final VariableResolver variables;

  PanelDataController(DashboardSource source, PanelService panels, VariableResolver variables) {
    this.source = source;
    this.panels = panels;
    this.variables = variables;
  }

  @GetMapping("/api/panels")
  List<PanelData> all(@RequestParam MultiValueMap<String, String> params) {
    source.require();
    return panels.all(variables.resolve(RequestParams.of(params)));
  }

  @GetMapping("/api/panels/{id}")
  PanelData one(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    source.require();
    return panels.data(id, variables.resolve(RequestParams.of(params)));
  }
}
