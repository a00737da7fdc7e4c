package io.astralytiq.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A small dashboard over generated CSV files, covering every panel type and variable kind, for tests that run the
 * whole application. The sales file can be rewritten to prove live refresh.
 */
public final class TestDashboards {

  public static final String XSS_TITLE = "<script>window.__xss=1</script>Sales & \"KPIs\"";

  private TestDashboards() {}

  /** Writes sales.csv and dashboard.yaml into dir and returns the definition's path. */
  public static Path write(Path dir, String refresh) {
    try {
      writeSales(dir, 1);
      String yaml = """
          title: '%s'
          description: Test dashboard
          refresh: %s
          theme: light
          datasets:
            - {name: sales, format: csv, path: %s}
          variables:
            - {name: region, label: Region, type: select, options: [EMEA, AMER, APAC], default: EMEA}
            - {name: products, label: Products, type: multiSelect, options: [alpha, beta, gamma]}
            - {name: period, label: Period, type: dateRange, default: 365d}
          panels:
            - id: total
              title: Total sales
              type: metric
              query: SELECT sum(amount) AS total, sum(amount) / 2 AS half FROM sales WHERE region = :region
              x: total
              series: [half]
              grid: {col: 0, row: 0, width: 3, height: 2}
            - id: everything
              title: All regions
              type: metric
              query: SELECT sum(amount) AS total FROM sales
              grid: {col: 3, row: 0, width: 3, height: 2}
            - id: per-day
              title: Sales per day
              type: line
              query: |
                SELECT day, sum(amount) AS amount FROM sales
                WHERE region = :region AND day BETWEEN :period_from AND :period_to GROUP BY 1 ORDER BY 1
              x: day
              series: [amount]
              grid: {col: 6, row: 0, width: 6, height: 3}
            - id: area
              title: Area by product
              type: area
              query: SELECT day, sum(amount) AS amount FROM sales WHERE product IN (:products) GROUP BY 1 ORDER BY 1
              grid: {col: 0, row: 3, width: 4, height: 3}
            - id: bars
              title: Sales by region
              type: bar
              query: SELECT region, sum(amount) AS amount FROM sales GROUP BY 1 ORDER BY 1
              grid: {col: 4, row: 3, width: 4, height: 3}
            - id: pie
              title: Share by product
              type: pie
              query: SELECT product, sum(amount) AS amount FROM sales WHERE product IN (:products) GROUP BY 1
              grid: {col: 8, row: 3, width: 4, height: 3}
            - id: scatter
              title: Units against amount
              type: scatter
              query: SELECT units, amount FROM sales
              grid: {col: 0, row: 6, width: 6, height: 3}
            - id: table
              title: All rows
              type: table
              query: SELECT * FROM sales ORDER BY day
              grid: {col: 6, row: 6, width: 6, height: 3}
            - id: notes
              title: Notes
              type: text
              text: "**Bold** and <img src=x onerror=alert(1)> [link](javascript:alert(1))"
              grid: {col: 0, row: 9, width: 12, height: 1}
          """.formatted(XSS_TITLE.replace("'", "''"), refresh, dir.resolve("sales.csv"));
      return Files.writeString(dir.resolve("dashboard.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * 30 days x 3 regions x 3 products; every amount is multiplied by factor, so a rewrite with another factor changes
   * every sum. The total for EMEA is 30 * 3 * 10 * factor (amount 10 per row).
   */
  public static void writeSales(Path dir, int factor) {
    StringBuilder csv = new StringBuilder("day,region,product,units,amount\n");
    LocalDate today = LocalDate.now();
    String[] regions = {"EMEA", "AMER", "APAC"};
    String[] products = {"alpha", "beta", "gamma"};
    for (int d = 0; d < 30; d++) {
      for (int r = 0; r < regions.length; r++) {
        for (String p : products) {
          csv.append(today.minusDays(d)).append(',').append(regions[r]).append(',').append(p).append(',')
              .append(d + 1).append(',').append((10 + r * 5) * factor).append('\n');
        }
      }
    }
    try {
      Path tmp = dir.resolve("sales.csv.tmp");
      Files.writeString(tmp, csv);
      Files.move(tmp, dir.resolve("sales.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** EMEA's total for a factor, as the total panel shows it. */
  public static long emeaTotal(int factor) {
    return 30L * 3 * 10 * factor;
  }
}
