package io.astralytiq.runtime.export;

import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.definition.DashboardSource;
import io.astralytiq.runtime.limits.ExportPool;
import io.astralytiq.runtime.panels.PanelData;
import io.astralytiq.runtime.panels.PanelService;
import io.astralytiq.runtime.variables.InvalidVariableException;
import io.astralytiq.runtime.variables.VariableResolver;
import io.astralytiq.runtime.variables.VariableValues;
import io.astralytiq.runtime.web.RequestParams;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads: a panel's data as CSV or JSON, a panel as PNG, the dashboard as PDF; all for the current variables.
 * Images and PDFs are drawn in the bounded {@link ExportPool}, a PNG within the pixel budget.
 */
@RestController
class ExportController {

  private final DashboardSource source;
  private final PanelService panels;
  private final VariableResolver variables;
  private final Clock clock;
  private final ExportPool pool;
  private final long maxPixels;

  ExportController(DashboardSource source, PanelService panels, VariableResolver variables, Clock clock,
      ExportPool pool, RuntimeProperties properties) {
    this.source = source;
    this.panels = panels;
    this.variables = variables;
    this.clock = clock;
    this.pool = pool;
    this.maxPixels = properties.limits().maxExportPixels();
  }

  @GetMapping("/api/panels/{id}/export.csv")
  ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    PanelData data = panels.data(id, resolve(params));
    return download(CsvWriter.write(data).getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv",
        StandardCharsets.UTF_8), id + ".csv");
  }

  @GetMapping("/api/panels/{id}/export.json")
  ResponseEntity<PanelData> json(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    PanelData data = panels.data(id, resolve(params));
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(id + ".json"))
        .contentType(MediaType.APPLICATION_JSON).body(data);
  }

  @GetMapping("/api/panels/{id}/export.png")
  ResponseEntity<byte[]> png(@PathVariable String id, @RequestParam MultiValueMap<String, String> params,
      @RequestParam(defaultValue = "1000") int width, @RequestParam(defaultValue = "500") int height) {
    Panel panel = source.require().panel(id).orElseThrow(() -> new NoSuchElementException("no panel " + id));
    int w = clamp(width, 200, 3000);
    int h = clamp(height, 120, 2000);
    if ((long) w * h > maxPixels) {
      throw new InvalidVariableException("a PNG of " + w + " x " + h + " pixels is more than the " + maxPixels
          + " pixels an export may have");
    }
    PanelData data = panels.data(id, resolve(params));
    byte[] png = pool.draw(() -> PngRenderer.png(panel, data, w, h));
    return download(png, MediaType.IMAGE_PNG, id + ".png");
  }

  @GetMapping("/api/export.pdf")
  ResponseEntity<byte[]> pdf(@RequestParam MultiValueMap<String, String> params) {
    CompiledDashboard dashboard = source.require();
    VariableValues values = resolve(params);
    Map<String, PanelData> data = new LinkedHashMap<>();
    panels.all(values).forEach(d -> data.put(d.id(), d));
    List<Panel> ordered = dashboard.panels().stream()
        .sorted(Comparator.comparingInt((Panel p) -> p.getGrid() == null ? 0 : p.getGrid().getRow())
            .thenComparingInt(p -> p.getGrid() == null ? 0 : p.getGrid().getCol()))
        .toList();
    ordered.stream().filter(p -> !data.containsKey(p.getId())).forEach(p -> data.put(p.getId(), panels.data(p.getId(), values)));
    byte[] pdf = pool.draw(() -> PdfRenderer.pdf(dashboard, ordered, data, new java.util.TreeMap<>(values.selected()),
        ZonedDateTime.now(clock)));
    return download(pdf, MediaType.APPLICATION_PDF, "dashboard.pdf");
  }

  private VariableValues resolve(MultiValueMap<String, String> params) {
    source.require();
    return variables.resolve(RequestParams.of(params));
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(filename)).contentType(type)
        .body(body);
  }

  private static String attachment(String filename) {
    return ContentDisposition.attachment().filename(filename).build().toString();
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }
}
