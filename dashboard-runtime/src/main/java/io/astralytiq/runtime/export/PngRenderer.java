package io.astralytiq.runtime.export;

import io.astralytiq.api.v1alpha1.definition.Panel;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.panels.PanelData;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a panel on the server (for PNG export and the PDF) with JFreeChart for charts and plain Java2D for metrics,
 * tables and text, so an export looks the same whatever browser asked for it.
 */
final class PngRenderer {

  private static final Color TEXT = new Color(0x1b2330);
  private static final Color MUTED = new Color(0x4f5b6d);
  private static final Color ERROR = new Color(0xb42318);
  private static final String FONT = "DejaVu Sans";

  private PngRenderer() {}

  static byte[] png(Panel panel, PanelData data, int width, int height) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image(panel, data, width, height), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage image(Panel panel, PanelData data, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      String title = panel.getTitle() == null ? panel.getId() : panel.getTitle();
      if (data.error() != null) {
        drawLines(g, title, List.of("Error: " + data.error()), ERROR, width);
      } else if (CompiledDashboard.CHART_TYPES.contains(panel.getType()) && !data.rows().isEmpty()) {
        chart(panel, data, title).draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
      } else if ("metric".equals(panel.getType()) && !data.rows().isEmpty()) {
        drawMetric(g, panel, data, title, width, height);
      } else if ("text".equals(panel.getType())) {
        drawLines(g, title, List.of(panel.getText().split("\n")), TEXT, width);
      } else {
        drawLines(g, title, tableLines(data), TEXT, width);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static JFreeChart chart(Panel panel, PanelData data, String title) {
    int xi = Math.max(0, panel.getX() == null ? 0 : data.columns().indexOf(panel.getX()));
    List<Integer> ys = new ArrayList<>();
    for (String s : panel.getSeries()) {
      if (data.columns().contains(s)) {
        ys.add(data.columns().indexOf(s));
      }
    }
    if (ys.isEmpty()) {
      for (int i = 0; i < data.columns().size(); i++) {
        if (i != xi) {
          ys.add(i);
        }
      }
    }
    JFreeChart chart;
    if ("pie".equals(panel.getType())) {
      DefaultPieDataset<String> pie = new DefaultPieDataset<>();
      for (List<Object> row : data.rows()) {
        pie.setValue(String.valueOf(row.get(xi)), number(row.get(ys.get(0))));
      }
      chart = ChartFactory.createPieChart(title, pie, true, false, false);
    } else if ("scatter".equals(panel.getType()) && data.rows().stream().allMatch(r -> r.get(xi) instanceof Number)) {
      XYSeriesCollection xy = new XYSeriesCollection();
      for (int yi : ys) {
        XYSeries series = new XYSeries(data.columns().get(yi));
        data.rows().forEach(r -> series.add(number(r.get(xi)), number(r.get(yi))));
        xy.addSeries(series);
      }
      chart = ChartFactory.createScatterPlot(title, data.columns().get(xi), null, xy);
    } else {
      DefaultCategoryDataset cat = new DefaultCategoryDataset();
      for (List<Object> row : data.rows()) {
        for (int yi : ys) {
          cat.addValue(number(row.get(yi)), data.columns().get(yi), String.valueOf(row.get(xi)));
        }
      }
      chart = switch (panel.getType()) {
        case "bar" -> ChartFactory.createBarChart(title, null, null, cat, PlotOrientation.VERTICAL, ys.size() > 1,
            false, false);
        case "area" -> ChartFactory.createAreaChart(title, null, null, cat, PlotOrientation.VERTICAL, ys.size() > 1,
            false, false);
        default -> ChartFactory.createLineChart(title, null, null, cat, PlotOrientation.VERTICAL, ys.size() > 1,
            false, false);
      };
    }
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(FONT, Font.BOLD, 16));
    return chart;
  }

  private static void drawMetric(Graphics2D g, Panel panel, PanelData data, String title, int width, int height) {
    int vi = Math.max(0, panel.getX() == null ? 0 : data.columns().indexOf(panel.getX()));
    Object value = data.rows().get(0).get(vi);
    g.setColor(MUTED);
    g.setFont(new Font(FONT, Font.BOLD, 16));
    g.drawString(title, 16, 28);
    g.setColor(TEXT);
    g.setFont(new Font(FONT, Font.BOLD, Math.max(24, Math.min(72, height / 3))));
    g.drawString(value instanceof Number n ? String.format("%,.2f", n.doubleValue()) : String.valueOf(value), 16,
        height / 2 + 20);
  }

  private static List<String> tableLines(PanelData data) {
    List<String> lines = new ArrayList<>();
    lines.add(String.join("  |  ", data.columns()));
    data.rows().stream().limit(30).forEach(r -> lines.add(String.join("  |  ", r.stream().map(String::valueOf).toList())));
    if (data.rows().size() > 30) {
      lines.add("… " + (data.rows().size() - 30) + " more rows");
    }
    return lines;
  }

  private static void drawLines(Graphics2D g, String title, List<String> lines, Color color, int width) {
    g.setColor(TEXT);
    g.setFont(new Font(FONT, Font.BOLD, 16));
    g.drawString(title, 16, 28);
    g.setColor(color);
    g.setFont(new Font(FONT, Font.PLAIN, 13));
    int y = 52;
    for (String line : lines) {
      g.drawString(line.length() > width / 7 ? line.substring(0, Math.max(1, width / 7)) + "…" : line, 16, y);
      y += 18;
    }
  }

  private static double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(v));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
