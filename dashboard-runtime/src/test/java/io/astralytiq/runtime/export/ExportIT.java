package io.astralytiq.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.runtime.RunningApp;
import io.astralytiq.runtime.TestDashboards;
import io.astralytiq.runtime.definition.DashboardSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The export flow: what a viewer downloads, parsed back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportIT {

  static final Path DIR = tempDir();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("astralytiq.definition", () -> TestDashboards.write(DIR, "1h").toString());
  }

  @Autowired
  Environment env;

  @Autowired
  DashboardSource source;

  @Test
  void pdfHoldsTheTitleTheVariablesAndEveryPanelTitle() throws IOException {
    HttpResponse<byte[]> response = new RunningApp(env).bytes("/api/export.pdf?region=APAC");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains(TestDashboards.XSS_TITLE, "region: APAC");
      for (Panel panel : source.require().panels()) {
        assertThat(text).contains(panel.getTitle());
      }
      assertThat(pdf.getNumberOfPages()).isEqualTo(5);
    }
  }

  @Test
  void pngDecodesWithTheAskedSize() throws IOException {
    HttpResponse<byte[]> response = new RunningApp(env).bytes("/api/panels/bars/export.png?width=800&height=450");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"bars.png\"");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(450);
  }

  @Test
  void csvAndJsonCarryThePanelRows() {
    RunningApp app = new RunningApp(env);
    HttpResponse<String> csv = app.get("/api/panels/bars/export.csv");
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    assertThat(csv.body()).isEqualTo("region,amount\r\nAMER,1350\r\nAPAC,1800\r\nEMEA,900\r\n");
    HttpResponse<String> json = app.get("/api/panels/bars/export.json");
    assertThat(json.body()).contains("\"rows\":[[\"AMER\",1350],[\"APAC\",1800],[\"EMEA\",900]]");
    assertThat(app.get("/api/panels/bars/export.csv?region=nowhere").statusCode()).isEqualTo(400);
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("export-it");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
