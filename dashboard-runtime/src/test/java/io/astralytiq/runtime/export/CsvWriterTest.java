package io.astralytiq.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.runtime.panels.PanelData;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  @Test
  void quotesWhatNeedsQuotingAndDefusesFormulas() {
    PanelData data = new PanelData("p", "table", List.of("name", "n"),
        List.of(List.of("a, \"b\"", 1L), List.of("=HYPERLINK(\"x\")", -2.5), Arrays.asList(null, true)), false, null,
        0, Instant.EPOCH, 0);
    assertThat(CsvWriter.write(data)).isEqualTo(
        "name,n\r\n\"a, \"\"b\"\"\",1\r\n\"'=HYPERLINK(\"\"x\"\")\",-2.5\r\n,true\r\n");
  }
}
