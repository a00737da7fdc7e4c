package io.astralytiq.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.astralytiq.runtime.access.SignedInRuntime;
import io.astralytiq.runtime.access.TestProvider;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Sign-in as a person does it: headless Chromium opens the dashboard, lands on the real provider's login page
 * (hack/idp), types a test user's password, sees the dashboard with its name and role and its panels' data, and
 * signs out, after which the provider asks for the password again. AuthorizationCodeFlowIT proves the same flow
 * at the HTTP level where Chromium is missing.
 */
class SignInBrowserIT extends SignedInRuntime {

  static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    HeadlessChromium.assumeInstalled();
    browser = HeadlessChromium.start(DIR.resolve("browser-profile"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aViewerSignsInAtTheProviderSeesTheDashboardAndSignsOut() {
    String app = app("/");
    browser.get(app + "?region=AMER");
    awaitElement("username");
    assertThat(browser.getCurrentUrl()).startsWith(TestProvider.ISSUER + "/protocol/openid-connect/auth");
    browser.findElement(By.id("username")).sendKeys("alice");
    browser.findElement(By.id("password")).sendKeys("alice-test-only");
    browser.findElement(By.id("kc-login")).click();

    awaitElement("signed-in");
    assertThat(browser.getCurrentUrl()).startsWith(app);
    assertThat(browser.findElement(By.id("signed-in")).getText()).contains("alice").contains("viewer");
    // The panels' data comes from /api with the session cookie.
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
        browser.findElements(By.cssSelector("#panel-total .metric-value")).stream()
            .anyMatch(e -> "1,350".equals(e.getText())));

    // The page's CSP lets the sign-out form's redirect reach the provider, and nothing else.
    assertThat(browser.getPageSource()).contains("id=\"sign-out\"");
    browser.findElement(By.id("sign-out")).click();
    awaitElement("username");
    assertThat(browser.getCurrentUrl()).as("signed out at the provider too: it asks again")
        .startsWith(TestProvider.ISSUER);
  }

  private static void awaitElement(String id) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .alias("#" + id + " on the page; the browser is at " + browser.getCurrentUrl())
        .until(() -> !browser.findElements(By.id(id)).isEmpty()
            || failWithPage(browser.getCurrentUrl().contains("error") ? id : null));
  }

  /** An error page of the provider or the runtime ends the wait at once, showing what it says. */
  private static boolean failWithPage(String waitingFor) {
    if (waitingFor == null) {
      return false;
    }
    throw new AssertionError("waiting for #" + waitingFor + ", the browser shows " + browser.getCurrentUrl() + ": "
        + browser.findElement(By.tagName("body")).getText());
  }
}
