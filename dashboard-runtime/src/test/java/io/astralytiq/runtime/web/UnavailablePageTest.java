package io.astralytiq.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.astralytiq.runtime.RuntimeProperties;
import io.astralytiq.runtime.TestEngines;
import io.astralytiq.runtime.definition.CompiledDashboard;
import io.astralytiq.runtime.definition.DashboardSource;
import io.astralytiq.runtime.engine.QueryEngine;
import io.astralytiq.runtime.limits.Limits;
import io.astralytiq.runtime.variables.VariableResolver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DashboardPageController.class)
@Import({UnavailablePageTest.Beans.class, MarkdownRenderer.class})
class UnavailablePageTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class Beans {
    @Bean
    DashboardSource dashboardSource() {
      return DashboardSource.failed(List.of("panel 'a': unknown type '<gauge>'"));
    }

    @Bean(destroyMethod = "close")
    QueryEngine queryEngine() {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      return TestEngines.engine(RuntimeProperties.Engine.of(1, Duration.ofSeconds(1), 10, "64MB", 1), tmp,
          Duration.ofMinutes(1), List.of());
    }

    /** The rate-limit filter and the 429 handler are part of every web slice. */
    @Bean
    Limits limits() {
      return new Limits(RuntimeProperties.Limits.defaults(), new SimpleMeterRegistry());
    }

    @Bean
    VariableResolver variableResolver(QueryEngine engine) {
      return new VariableResolver(CompiledDashboard.placeholder(), engine, Clock.systemUTC());
    }
  }

  @Autowired
  MockMvc mvc;

  @Test
  void saysWhyWith503() throws Exception {
    String html = mvc.perform(get("/")).andExpect(status().isServiceUnavailable())
        .andReturn().getResponse().getContentAsString();
    assertThat(html).contains("This dashboard cannot be shown", "panel &#39;a&#39;: unknown type &#39;&lt;gauge&gt;&#39;");
  }
}
