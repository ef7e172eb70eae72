package dev.cinema.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cinema.query.QuerySideTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import dev.cinema.kit.security.TestTokenKeys;
import dev.cinema.kit.security.TokenDenyList;
import dev.cinema.kit.security.TokenMatrix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Lists and searches need a valid token, the admin API the admin role; details are public. */
@QuerySideTest
class ContentApiSecurityTest {

    private static final List<String> GUARDED = List.of(
            "/movies/api/v1/films", "/movies/api/v1/films/search?query=star", "/movies/api/v1/genres",
            "/movies/api/v1/persons/search?query=lucas", "/movies/api/v1/persons/" + UUID.randomUUID() + "/film");

    @Autowired
    MockMvc mvc;

    @Autowired
    TokenDenyList denyList;

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
    void forgedExpiredRefreshAndRevokedTokensAre401() throws Exception {
        List<String> wrong = TokenMatrix.check(TestTokenKeys.FORGE, denyList, 200, token -> {
            MockHttpServletRequestBuilder request = get("/movies/api/v1/genres").with(anonymous());
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            return mvc.perform(request).andReturn().getResponse().getStatus();
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void theAdminApiNeedsTheAdminRole() throws Exception {
        String user = TestTokenKeys.FORGE.access(UUID.randomUUID().toString(), "subscriber");
        mvc.perform(post("/movies/api/v1/admin/reindex").with(anonymous()).header(HttpHeaders.AUTHORIZATION, "Bearer " + user))
                .andExpect(status().isForbidden())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(get("/movies/api/v1/admin/reindex/" + UUID.randomUUID()).with(anonymous()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void detailsArePublic() throws Exception {
        for (String kind : List.of("films", "genres", "persons")) {
            mvc.perform(get("/movies/api/v1/" + kind + "/" + UUID.randomUUID()).with(anonymous()))
                    .andExpect(status().isNotFound());
        }
    }
}
