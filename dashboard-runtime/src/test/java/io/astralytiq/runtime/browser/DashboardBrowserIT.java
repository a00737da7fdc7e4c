package io.astralytiq.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.runtime.RunningApp;
import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.TestDashboards;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in headless Chromium: what a viewer sees. Each behaviour here is also covered without a browser
 * (controller slices, LiveRefreshIT, PanelServiceTest); this proves the page script puts it together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserIT {

  static final Path DIR = tempDir();
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final List<String> DRAWN = List.of("per-day", "area", "bars", "pie", "scatter");
  static ChromeDriver browser;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("astralytiq.definition", () -> TestDashboards.write(DIR, "1s").toString());
  }

  @Autowired
  Environment env;

  @Autowired
  RuntimeProperties properties;

  @BeforeAll
  static void startBrowser() throws IOException {
    HeadlessChromium.assumeInstalled();
    browser = HeadlessChromium.start(DIR.resolve("chromium-profile"));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void openDashboard() {
    TestDashboards.writeSales(DIR, 1);
    browser.manage().window().setSize(new Dimension(1400, 1000));
    browser.get(new RunningApp(env).url("/"));
    await().atMost(Duration.ofSeconds(20)).until(() -> panels().stream()
        .allMatch(p -> "ready".equals(p.getDomAttribute("data-state")) || "ready".equals(p.getAttribute("data-state"))));
  }

  @AfterEach
  void restoreData() {
    TestDashboards.writeSales(DIR, 1);
  }

  @Test
  void everyPanelDrawsItsChart() throws IOException {
    for (String id : DRAWN) {
      Long points = (Long) browser.executeScript(
          "const c = echarts.getInstanceByDom(document.querySelector('#panel-' + arguments[0] + ' .chart'));"
              + "return c ? c.getOption().series[0].data.length : -1;", id);
      assertThat(points).as("points drawn in %s", id).isGreaterThan(0);
      assertThat(browser.findElements(By.cssSelector("#panel-" + id + " canvas"))).as(id).isNotEmpty();
    }
    assertThat(text("#panel-total .metric-value")).isEqualTo("900");
    assertThat(text("#panel-total .metric-delta")).contains("100.0% vs half");
    assertThat(browser.findElements(By.cssSelector("#panel-table tbody tr"))).hasSize(25);
    assertThat(text("#panel-table .pager span")).isEqualTo("Page 1 of 11 · 270 rows");
    assertThat(text("#panel-notes strong")).isEqualTo("Bold");
    screenshot("desktop.png");
  }

  @Test
  void aVariableChangeUpdatesOnlyThePanelsThatUseIt() {
    String everythingRenders = attr("everything", "data-render-count");
    String totalRenders = attr("total", "data-render-count");
    new Select(browser.findElement(By.id("var-region"))).selectByValue("APAC");
    await().atMost(Duration.ofSeconds(10)).until(() -> "1,800".equals(text("#panel-total .metric-value")));
    assertThat(Integer.parseInt(attr("total", "data-render-count"))).isGreaterThan(Integer.parseInt(totalRenders));
    assertThat(attr("everything", "data-render-count")).isEqualTo(everythingRenders);
    assertThat(browser.getCurrentUrl()).contains("region=APAC");
    assertThat(browser.findElement(By.id("export-pdf")).getDomAttribute("href")).contains("region=APAC");
  }

  @Test
  void liveRefreshChangesAValueWithoutReloading() {
    browser.executeScript("window.__sameDocument = 'yes';");
    assertThat(text("#panel-everything .metric-value")).isEqualTo("4,050");
    awaitLive(Duration.ofSeconds(20));
    TestDashboards.writeSales(DIR, 10);
    // the panel's element is replaced when the new value arrives, which may fall between finding and reading it
    await().atMost(Duration.ofSeconds(20)).ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
        .until(() -> "40,500".equals(text("#panel-everything .metric-value")));
    assertThat(browser.executeScript("return window.__sameDocument;")).isEqualTo("yes");
    assertThat(text("#live-status")).isEqualTo("Live");
  }

  /**
   * A browser does not retry a stream refused with an HTTP error (here the 429 of a client holding its share of
   * streams, as one does for a moment after reloading: the server notices a page has gone only when it next
   * writes to it); the page must try again by itself.
   */
  @Test
  void aRefusedLiveStreamIsTriedAgain() throws IOException {
    RunningApp app = new RunningApp(env);
    int limit = properties.limits().liveStreamsPerClient();
    List<InputStream> held = new ArrayList<>();
    try {
      browser.get("about:blank");
      // the page's own stream counts until the server notices it is gone
      await().atMost(Duration.ofSeconds(20)).until(() -> {
        HttpResponse<InputStream> r = app.client().sendAsync(
            HttpRequest.newBuilder(URI.create(app.url("/api/live"))).build(),
            HttpResponse.BodyHandlers.ofInputStream()).join();
        if (r.statusCode() == 200) {
          held.add(r.body());
        } else {
          r.body().close();
        }
        return held.size() == limit;
      });
      browser.get(app.url("/"));
      await().atMost(Duration.ofSeconds(20)).until(() -> "offline".equals(attrOf("#live-status", "data-state")));
    } finally {
      for (InputStream in : held) {
        in.close();
      }
    }
    awaitLive(Duration.ofSeconds(40));
  }

  @Test
  void aPhoneStacksThePanelsInReadingOrder() throws IOException {
    browser.manage().window().setSize(new Dimension(390, 844));
    await().atMost(Duration.ofSeconds(5)).until(() -> {
      List<WebElement> all = panels();
      return all.stream().map(p -> p.getRect().getX()).distinct().count() == 1;
    });
    List<WebElement> all = panels();
    int previousBottom = -1;
    for (WebElement panel : all) {
      assertThat(panel.getRect().getY()).isGreaterThanOrEqualTo(previousBottom);
      assertThat(panel.getRect().getWidth()).isGreaterThan(300);
      previousBottom = panel.getRect().getY() + panel.getRect().getHeight();
    }
    screenshot("phone.png");
  }

  @Test
  void aScriptInTheTitleStaysText() {
    assertThat(browser.getTitle()).isEqualTo(TestDashboards.XSS_TITLE);
    assertThat(text("#title")).isEqualTo(TestDashboards.XSS_TITLE);
    assertThat(browser.executeScript("return typeof window.__xss;")).isEqualTo("undefined");
    assertThat(browser.findElements(By.cssSelector("#panel-notes img"))).isEmpty();
  }

  private List<WebElement> panels() {
    return browser.findElements(By.cssSelector(".panel[data-panel-id]"));
  }

  private String attr(String panel, String name) {
    return (String) browser.executeScript(
        "return document.getElementById('panel-' + arguments[0]).getAttribute(arguments[1]);", panel, name);
  }

  private void awaitLive(Duration atMost) {
    await().atMost(atMost).until(() -> "live".equals(attrOf("#live-status", "data-state")));
  }

  private String attrOf(String css, String name) {
    return (String) browser.executeScript(
        "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;", css, name);
  }

  private String text(String css) {
    List<WebElement> found = browser.findElements(By.cssSelector(css));
    return found.isEmpty() ? null : found.get(0).getText();
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("browser-it");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
