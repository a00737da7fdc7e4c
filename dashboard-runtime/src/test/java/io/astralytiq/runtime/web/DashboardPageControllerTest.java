package io.astralytiq.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DashboardPageController.class)
@Import(SliceBeans.class)
class DashboardPageControllerTest {

  @Autowired
  MockMvc mvc;

  private String page(String... nameValue) throws Exception {
    var request = get("/");
    for (int i = 0; i + 1 < nameValue.length; i += 2) {
      request.param(nameValue[i], nameValue[i + 1]);
    }
    return mvc.perform(request).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  @Test
  void escapesTheTitleEverywhereItAppears() throws Exception {
    String html = page();
    assertThat(html).doesNotContain("<script>window.__xss");
    assertThat(html).contains("&lt;script&gt;window.__xss=1&lt;/script&gt;Sales &amp; &quot;KPIs&quot;");
  }

  @Test
  void rendersEveryPanelOnTheGridWithWhatItDependsOn() throws Exception {
    String html = page();
    assertThat(html).contains("id=\"panel-total\"", "id=\"panel-table\"", "id=\"panel-notes\"");
    assertThat(html).contains("grid-column: 7 / span 6; grid-row: 1 / span 3;");
    assertThat(html).containsPattern("id=\"panel-per-day\"[^>]*data-variables=\"period,region\"");
    assertThat(html).containsPattern("id=\"panel-everything\"[^>]*data-state").doesNotContainPattern(
        "id=\"panel-everything\"[^>]*data-variables");
  }

  @Test
  void sanitisesMarkdownOfTextPanels() throws Exception {
    String html = page();
    assertThat(html).contains("<strong>Bold</strong>");
    assertThat(html).doesNotContain("<img src=x", "javascript:alert");
  }

  @Test
  void showsTheControlsWithTheChosenValues() throws Exception {
    String html = page("region", "APAC");
    assertThat(html).containsPattern("<option value=\"APAC\" selected=\"selected\">APAC</option>");
    assertThat(html).contains("id=\"var-products\"", "multiple=\"multiple\"", "<label for=\"var-period\">Period</label>");
  }

  @Test
  void aRefusedValueIsShownAsAMessageNotUsed() throws Exception {
    String html = page("region", "<b>EMEA'--");
    assertThat(html).contains("&#39;&lt;b&gt;EMEA&#39;--&#39; is not one of its options");
  }

  @Test
  void sendsSecurityHeaders() throws Exception {
    mvc.perform(get("/"))
        .andExpect(header().string("Content-Security-Policy", SecurityHeadersFilter.CSP))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"));
    assertThat(SecurityHeadersFilter.CSP).contains("script-src 'self';").doesNotContain("unsafe-eval");
  }
}
