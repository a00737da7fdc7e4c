package io.astralytiq.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.astralytiq.runtime.RunningApp;
import io.astralytiq.runtime.TestDashboards;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The page flow through the real server: the page, its script and chart library, then the data it asks for. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardPageIT {

  static final Path DIR = tempDir();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("astralytiq.definition", () -> TestDashboards.write(DIR, "1h").toString());
    registry.add("astralytiq.temp-dir", () -> DIR.resolve("tmp").toString());
  }

  @Autowired
  Environment env;

  @Test
  void servesThePageItsAssetsAndItsData() {
    RunningApp app = new RunningApp(env);
    HttpResponse<String> page = app.get("/?region=AMER");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeadersFilter.CSP);
    assertThat(page.body()).contains("src=\"/webjars/echarts/dist/echarts.min.js\"")
        .contains("src=\"/js/dashboard.js\"");

    HttpResponse<String> echarts = app.get("/webjars/echarts/dist/echarts.min.js");
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.body()).contains("echarts");
    assertThat(app.get("/js/dashboard.js").statusCode()).isEqualTo(200);
    assertThat(app.get("/css/dashboard.css").statusCode()).isEqualTo(200);

    HttpResponse<String> data = app.get("/api/panels?region=AMER");
    assertThat(data.statusCode()).isEqualTo(200);
    assertThat(data.body()).contains("\"id\":\"total\"", "\"rows\":[[1350,675.0]]");
    assertThat(Files.exists(DIR.resolve("tmp").resolve("duckdb"))).as("DuckDB spills under the temp dir").isTrue();
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("page-it");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
