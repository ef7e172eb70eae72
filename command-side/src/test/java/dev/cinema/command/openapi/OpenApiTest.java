package dev.cinema.command.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cinema.command.CommandSideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@CommandSideTest
class OpenApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void identityAndCatalogueCommandsAreDocumentedSeparatelyAndPublicly() throws Exception {
        mvc.perform(get("/admin/api/openapi/v3/api-docs/auth"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/auth/api/v1/users/login']").exists())
                .andExpect(jsonPath("$.paths['/admin/api/v1/genres']").doesNotExist());
        mvc.perform(get("/admin/api/openapi/v3/api-docs/admin"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/admin/api/v1/genres']").exists())
                .andExpect(jsonPath("$.paths['/auth/api/v1/users/login']").doesNotExist());
        String ui = mvc.perform(get("/auth/api/openapi"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("urls.primaryName=auth")))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(ui)).andExpect(status().isOk());
        String adminUi = mvc.perform(get("/admin/api/openapi")).andExpect(status().isFound())
                .andReturn().getResponse().getHeader("Location");
        assertThat(adminUi).startsWith(ui.substring(0, ui.indexOf('?')));
    }
}
