package io.astralytiq.runtime.export;

import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.panels.PanelData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The whole dashboard as a PDF: a header with the title, the time and the variable values, then every panel in
 * grid order, two to an A4 landscape page, each drawn by {@link PngRenderer} under its title as real text.
 */
final class PdfRenderer {

  private static final Path UNICODE_FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  private static final float MARGIN = 36;

  private PdfRenderer() {}

  static byte[] pdf(CompiledDashboard dashboard, List<Panel> panels, Map<String, PanelData> data,
      Map<String, List<String>> variables, ZonedDateTime at) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDFont font = font(doc);
      PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
      float slot = (size.getHeight() - 2 * MARGIN - 60) / 2;
      PDPage page = null;
      PDPageContentStream content = null;
      float y = 0;
      int onPage = 0;
      for (Panel panel : panels) {
        if (page == null || onPage == 2) {
          if (content != null) {
            content.close();
          }
          page = new PDPage(size);
          doc.addPage(page);
          content = new PDPageContentStream(doc, page);
          y = size.getHeight() - MARGIN;
          if (doc.getNumberOfPages() == 1) {
            y = header(content, font, dashboard, variables, at, y);
          }
          onPage = 0;
        }
        String title = panel.getTitle() == null ? panel.getId() : panel.getTitle();
        text(content, font, 13, MARGIN, y - 14, title);
        float imageHeight = slot - 30;
        float imageWidth = Math.min(size.getWidth() - 2 * MARGIN, imageHeight * 2.4f);
        PDImageXObject image = LosslessFactory.createFromImage(doc,
            PngRenderer.image(panel, data.get(panel.getId()), (int) (imageWidth * 1.5), (int) (imageHeight * 1.5)));
        content.drawImage(image, MARGIN, y - 22 - imageHeight, imageWidth, imageHeight);
        y -= slot;
        onPage++;
      }
      if (content != null) {
        content.close();
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float header(PDPageContentStream content, PDFont font, CompiledDashboard dashboard,
      Map<String, List<String>> variables, ZonedDateTime at, float y) throws IOException {
    text(content, font, 20, MARGIN, y - 20, dashboard.title());
    StringBuilder line = new StringBuilder("Generated " + at.format(DateTimeFormatter.RFC_1123_DATE_TIME));
    variables.forEach((k, v) -> line.append("   ").append(k).append(": ").append(String.join(", ", v)));
    text(content, font, 10, MARGIN, y - 38, line.toString());
    return y - 56;
  }

  private static void text(PDPageContentStream content, PDFont font, float size, float x, float y, String s)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(encodable(font, s));
    content.endText();
  }

  /** Replaces what the font cannot show, rather than failing the whole export over one character. */
  private static String encodable(PDFont font, String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> {
      String ch = new String(Character.toChars(cp));
      try {
        font.encode(ch);
        sb.append(ch);
      } catch (IOException | IllegalArgumentException e) {
        sb.append('?');
      }
    });
    return sb.toString();
  }

  private static PDFont font(PDDocument doc) throws IOException {
    if (Files.isReadable(UNICODE_FONT)) {
      return PDType0Font.load(doc, UNICODE_FONT.toFile());
    }
    return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  }
}
