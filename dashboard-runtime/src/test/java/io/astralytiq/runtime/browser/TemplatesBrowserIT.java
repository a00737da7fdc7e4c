package io.astralytiq.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.runtime.DashboardRuntimeApplication;
import io.astralytiq.runtime.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Every built-in template, started as a user would start it, renders every panel without an error. */
class TemplatesBrowserIT {

  static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    HeadlessChromium.assumeInstalled();
    browser = HeadlessChromium.start(Files.createTempDirectory("templates-it").resolve("profile"));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @ParameterizedTest
  @CsvSource({"kpi-overview,KPI overview", "monitoring,Service monitoring", "sales-funnel,Sales funnel"})
  void rendersEveryPanel(String template, String title) throws IOException {
    String[] args = DashboardRuntimeApplication.translateArgs(
        new String[] {"--template", template, "--server.port=0", "--server.address=127.0.0.1"});
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DashboardRuntimeApplication.class)
        .run(args)) {
      browser.get(new RunningApp(app.getEnvironment()).url("/"));
      assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(title);
      await().atMost(Duration.ofSeconds(30)).until(() -> panels().stream()
          .noneMatch(p -> "loading".equals(p.getDomAttribute("data-state"))));
      for (WebElement panel : panels()) {
        assertThat(panel.getDomAttribute("data-state"))
            .as("%s in %s: %s", panel.getDomAttribute("id"), template, panel.getText()).isEqualTo("ready");
      }
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve("template-" + template + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<WebElement> panels() {
    return browser.findElements(By.cssSelector(".panel[data-panel-id]"));
  }
}
