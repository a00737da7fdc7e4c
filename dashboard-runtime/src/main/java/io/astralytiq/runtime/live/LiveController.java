package io.astralytiq.runtime.live;

import io.astralytiq.runtime.definition.DashboardSource;
import io.astralytiq.runtime.variables.VariableResolver;
import io.astralytiq.runtime.web.RequestParams;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live-refresh stream: {@code GET /api/live?<variables>&known=<panel>:<version>,...}. */
@RestController
class LiveController {

  private final DashboardSource source;
  private final VariableResolver variables;
  private final LiveBroadcaster broadcaster;

  LiveController(DashboardSource source, VariableResolver variables, LiveBroadcaster broadcaster) {
    this.source = source;
    this.variables = variables;
    this.broadcaster = broadcaster;
  }

  @GetMapping(path = "/api/live", produces = "text/event-stream")
  SseEmitter live(@RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "known", defaultValue = "") String known, HttpServletRequest request) {
    source.require();
    return broadcaster.subscribe(request.getRemoteAddr(), variables.resolve(RequestParams.of(params)),
        parseKnown(known));
  }

  static Map<String, Integer> parseKnown(String known) {
    Map<String, Integer> out = new HashMap<>();
    for (String pair : known.split(",")) {
      int colon = pair.lastIndexOf(':');
      if (colon > 0) {
        try {
          out.put(pair.substring(0, colon), Integer.parseInt(pair.substring(colon + 1)));
        } catch (NumberFormatException ignored) {
          // a malformed version only means that panel is sent again
        }
      }
    }
    return out;
  }
}
