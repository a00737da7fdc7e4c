package io.astralytiq.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.runtime.panels.PanelData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PngRendererTest {

  @ParameterizedTest
  @ValueSource(strings = {"metric", "line", "area", "bar", "pie", "scatter", "table", "text"})
  void everyPanelTypeRendersAPngOfTheAskedSize(String type) throws Exception {
    Panel panel = new Panel();
    panel.setId("p");
    panel.setTitle("Revenue " + type);
    panel.setType(type);
    panel.setText("Some **text**");
    PanelData data = new PanelData("p", type, List.of("x", "y"), List.of(List.of(1L, 2.0), List.of(2L, 3.5)), false,
        null, 0, Instant.EPOCH, 0);
    byte[] png = PngRenderer.png(panel, data, 640, 320);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(320);
    assertThat(distinctColours(image)).as("something was drawn").isGreaterThan(2);
  }

  private static long distinctColours(BufferedImage image) {
    return java.util.stream.IntStream.range(0, image.getHeight()).boxed()
        .flatMap(y -> java.util.stream.IntStream.range(0, image.getWidth()).mapToObj(x -> image.getRGB(x, y)))
        .distinct().count();
  }
}
