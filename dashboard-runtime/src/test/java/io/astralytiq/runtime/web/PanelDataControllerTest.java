package io.astralytiq.runtime.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.astralytiq.runtime.TestDashboards;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(PanelDataController.class)
@Import({SliceBeans.class, ApiExceptionHandler.class})
class PanelDataControllerTest {

  @Autowired
  MockMvc mvc;

  @Test
  void answersOnePanelForTheGivenVariables() throws Exception {
    mvc.perform(get("/api/panels/total").param("region", "EMEA"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value("total"))
        .andExpect(jsonPath("$.columns[0]").value("total"))
        .andExpect(jsonPath("$.rows[0][0]").value(TestDashboards.emeaTotal(1)))
        .andExpect(jsonPath("$.error").isEmpty());
  }

  @Test
  void answersEveryPanelWithAQuery() throws Exception {
    mvc.perform(get("/api/panels"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(8));
  }

  @Test
  void refusesAnInjectionAttemptWith400() throws Exception {
    mvc.perform(get("/api/panels/total").param("region", "EMEA' OR '1'='1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("variable 'region': 'EMEA' OR '1'='1' is not one of its options"));
  }

  @Test
  void unknownPanelIs404() throws Exception {
    mvc.perform(get("/api/panels/nope")).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.error").value("no panel nope"));
  }
}
