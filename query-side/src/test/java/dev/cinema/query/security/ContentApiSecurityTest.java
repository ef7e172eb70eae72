package dev.cinema.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cinema.query.QuerySideTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Lists and searches need a token; details are public (the token path itself is tested in command-side). */
@QuerySideTest
class ContentApiSecurityTest {

    private static final List<String> GUARDED = List.of(
            "/movies/api/v1/films", "/movies/api/v1/films/search?query=star", "/movies/api/v1/genres",
            "/movies/api/v1/persons/search?query=lucas", "/movies/api/v1/persons/" + UUID.randomUUID() + "/film");

    @Autowired
    MockMvc mvc;

    @Test
    void listsAndSearchesNeedAToken() throws Exception {
        for (String path : GUARDED) {
            mvc.perform(get(path).with(anonymous()))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE));
            mvc.perform(get(path).with(anonymous()).header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token"))
                    .andExpect(status().isUnauthorized());
        }
    }

    @Test
    void aTokenOpensThem() throws Exception {
        for (String path : GUARDED) {
            // 200, or 404 for the made-up person: past the security rules either way.
            int status = mvc.perform(get(path).with(jwt().jwt(token -> token.claim("roles", List.of()))))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(path).isIn(200, 404);
        }
    }

    @Test
    void detailsArePublic() throws Exception {
        for (String kind : List.of("films", "genres", "persons")) {
            mvc.perform(get("/movies/api/v1/" + kind + "/" + UUID.randomUUID()).with(anonymous()))
                    .andExpect(status().isNotFound());
        }
    }
}
