package io.astralytiq.runtime.web;

import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.runtime.definition.DashboardSource;
import io.astralytiq.runtime.panels.PanelService;
import io.astralytiq.runtime.variables.VariableResolver;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The data endpoint: one panel's rows, or every panel's, for the variable values in the query string. */
@RestController
class PanelDataController {

  private final DashboardSource source;
  private final PanelService panels;
  private final VariableResolver variables;
  private final PanelJson json;

  PanelDataController(DashboardSource source, PanelService panels, VariableResolver variables, JsonMapper mapper) {
    this.source = source;
    this.panels = panels;
    this.variables = variables;
    this.json = new PanelJson(mapper);
  }

  @GetMapping(value = "/api/panels", produces = MediaType.APPLICATION_JSON_VALUE)
  byte[] all(@RequestParam MultiValueMap<String, String> params) {
    source.require();
    return json.of(panels.all(variables.resolve(RequestParams.of(params))));
  }

  @GetMapping(value = "/api/panels/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  byte[] one(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    source.require();
    return json.of(panels.data(id, variables.resolve(RequestParams.of(params))));
  }

  /** The SQL behind a panel: for editors only when access control is on (see access.AccessConfiguration). */
  @GetMapping(value = "/api/panels/{id}/query", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> query(@PathVariable String id) {
    Panel panel = source.require().panel(id).orElseThrow(() -> new NoSuchElementException("no panel '" + id + "'"));
    return Map.of("id", panel.getId(), "query", panel.getQuery() == null ? "" : panel.getQuery());
  }
}
