package dev.cinema.command.catalog.genre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import dev.cinema.command.CommandSideTest;
import dev.cinema.command.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Runs against the real PostgreSQL event store (database cinema_test), as the run's admin. */
@CommandSideTest
class GenreCommandsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestUsers users;

    RequestPostProcessor admin;

    @BeforeEach
    void logInAsAdmin() throws Exception {
        admin = users.admin().bearer();
    }

    @Test
    void commandsNeedTheAdminRole() throws Exception {
        String body = "{\"name\":\"Guarded " + UUID.randomUUID() + "\"}";
        mvc.perform(post("/admin/api/v1/genres").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(post("/admin/api/v1/genres").with(users.newUser().bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(post("/admin/api/v1/genres").with(users.jwtWithRoles("editor"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/api/v1/genres").with(users.jwtWithRoles("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    @Test
    void createdGenreIsStoredAsAReadableJsonEvent() throws Exception {
        String name = "Noir " + UUID.randomUUID();

        MvcResult result = mvc.perform(post("/admin/api/v1/genres").with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"description\":\"Shadows and rain\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(header().exists("X-Consistency-Token"))
                .andReturn();

        JsonNode body = json.readTree(result.getResponse().getContentAsString());
        String id = body.get("id").asText();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/admin/api/v1/genres/" + id);

        var stored = jdbc.queryForMap("""
                SELECT payload_type, convert_from(payload, 'UTF8') AS payload, global_index
                FROM domain_event_entry WHERE aggregate_identifier = ?""", id);
        assertThat(stored.get("payload_type")).isEqualTo("dev.cinema.contracts.catalog.genre.GenreCreated");
        JsonNode payload = json.readTree((String) stored.get("payload"));
        assertThat(payload.get("name").asText()).isEqualTo(name);
        assertThat(payload.get("genreId").asText()).isEqualTo(id);
        assertThat(result.getResponse().getHeader("X-Consistency-Token"))
                .isEqualTo(stored.get("global_index").toString());
    }

    @Test
    void emptyNameIsRejectedNamingTheFieldAndWritesNothing() throws Exception {
        String marker = "rejected-" + UUID.randomUUID();

        mvc.perform(post("/admin/api/v1/genres").with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"  \",\"description\":\"" + marker + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        assertThat(eventsMentioning(marker)).isZero();
    }

    @Test
    void malformedJsonAndWrongTypesAreBadRequests() throws Exception {
        mvc.perform(post("/admin/api/v1/genres").with(admin).contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));

        mvc.perform(post("/admin/api/v1/genres").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Drama\",\"description\":{\"nested\":true}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"));
    }

    @Test
    void tooLongNameIsRejected() throws Exception {
        mvc.perform(post("/admin/api/v1/genres").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "x".repeat(256) + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    private int eventsMentioning(String marker) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE position(? in convert_from(payload, 'UTF8')) > 0",
                Integer.class, marker);
    }
}
