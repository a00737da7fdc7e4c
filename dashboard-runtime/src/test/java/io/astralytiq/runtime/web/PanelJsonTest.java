package io.astralytiq.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.runtime.panels.PanelData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The JSON written once per computed panel is what the mapper writes for it, and the list what it writes for that. */
class PanelJsonTest {

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final PanelJson json = new PanelJson(mapper);

  private static final PanelData REVENUE = new PanelData("revenue", "metric", List.of("revenue"),
      List.of(List.of(1234.5)), false, null, 3, Instant.parse("2026-12-04T10:00:00Z"), 7);
  private static final PanelData BROKEN = new PanelData("orders", "table", List.of(), List.of(), false,
      "panel 'orders': no such table", 1, Instant.parse("2026-12-04T10:00:01Z"), 9);

  @Test
  void theListIsWrittenAsTheMapperWritesIt() {
    List<PanelData> all = List.of(REVENUE, BROKEN);

    assertThat(new String(json.of(all), StandardCharsets.UTF_8)).isEqualTo(mapper.writeValueAsString(all));
    assertThat(new String(json.of(List.of()), StandardCharsets.UTF_8)).isEqualTo("[]");
  }

  @Test
  void aPanelsJsonIsWrittenOnceAndANewComputationIsWrittenAgain() {
    byte[] first = json.of(REVENUE);

    assertThat(json.of(REVENUE)).isSameAs(first);
    PanelData recomputed = new PanelData("revenue", "metric", List.of("revenue"), List.of(List.of(99.0)), false, null,
        3, Instant.parse("2026-12-04T10:01:00Z"), 8);
    assertThat(new String(json.of(recomputed), StandardCharsets.UTF_8)).contains("99.0")
        .isEqualTo(mapper.writeValueAsString(recomputed));
  }
}
