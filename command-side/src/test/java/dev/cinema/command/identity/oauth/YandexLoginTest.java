package dev.cinema.command.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.command.CommandSideTest;
import dev.cinema.command.TestUsers;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/** The whole authorization-code flow against the local fake of Yandex ID (FakeYandex). */
@CommandSideTest
class YandexLoginTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestUsers users;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void firstLoginCreatesTheUserAndTheNextOneLogsTheSameUserIn() throws Exception {
        String email = TestUsers.uniqueEmail("yandex");
        FakeYandex.willLogIn(Map.of("id", uniqueYandexId(), "login", "ivan", "default_email", email,
                "first_name", "Иван", "last_name", "Петров"));

        JsonNode first = loginThroughYandex();
        JsonNode me = me(first.get("access_token").asText());
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("first_name").asText()).isEqualTo("Иван");

        JsonNode second = loginThroughYandex();
        assertThat(me(second.get("access_token").asText()).get("id")).isEqualTo(me.get("id"));

        mvc.perform(get("/auth/api/v1/users/me/login-history").with(TestUsers.bearer(second.get("access_token").asText())))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[0].method").value("yandex"));
    }

    @Test
    void aYandexAccountWithTheEmailOfAnExistingUserIsLinkedToThatUser() throws Exception {
        TestUsers.Session existing = users.newUser();
        FakeYandex.willLogIn(Map.of("id", uniqueYandexId(), "psuid", "psuid-" + UUID.randomUUID(),
                "default_email", existing.email().toUpperCase()));

        JsonNode tokens = loginThroughYandex();

        assertThat(me(tokens.get("access_token").asText()).get("id").asText()).isEqualTo(existing.userId().toString());
    }

    @Test
    void aWrongOrReplayedStateIsABadRequest() throws Exception {
        FakeYandex.willLogIn(Map.of("id", uniqueYandexId(), "default_email", TestUsers.uniqueEmail("yandex")));
        MvcResult start = mvc.perform(get("/auth/api/v1/oauth/yandex/authorize-url")).andExpect(status().isFound()).andReturn();
        Cookie stateCookie = start.getResponse().getCookie(YandexLoginController.STATE_COOKIE);
        UriComponents callback = consent(start.getResponse().getHeader(HttpHeaders.LOCATION));
        String code = callback.getQueryParams().getFirst("code");

        mvc.perform(get("/auth/api/v1/oauth/yandex/callback").param("code", code).param("state", "forged")
                        .cookie(stateCookie))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        // The right state from another browser (no cookie) is refused too.
        mvc.perform(get("/auth/api/v1/oauth/yandex/callback").param("code", code)
                        .param("state", callback.getQueryParams().getFirst("state")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void withReturnToTheCallbackSetsTheTokenCookiesAndRedirectsThere() throws Exception {
        String email = TestUsers.uniqueEmail("yandex");
        FakeYandex.willLogIn(Map.of("id", uniqueYandexId(), "default_email", email));
        MvcResult start = mvc.perform(get("/auth/api/v1/oauth/yandex/authorize-url").param("return_to", "/admin/"))
                .andExpect(status().isFound())
                .andReturn();
        UriComponents callback = consent(start.getResponse().getHeader(HttpHeaders.LOCATION));

        MvcResult back = mvc.perform(get(callback.getPath())
                        .param("code", callback.getQueryParams().getFirst("code"))
                        .param("state", callback.getQueryParams().getFirst("state"))
                        .cookie(start.getResponse().getCookie(YandexLoginController.STATE_COOKIE)))
                .andExpect(status().isFound())
                .andExpect(header().string(HttpHeaders.LOCATION, "/admin/"))
                .andReturn();

        Cookie access = back.getResponse().getCookie("access_token");
        assertThat(access).isNotNull();
        assertThat(access.isHttpOnly()).isTrue();
        assertThat(me(access.getValue()).get("email").asText()).isEqualTo(email);
    }

    @Test
    void returnToMustBeAPathOnThisSite() throws Exception {
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example", "admin/",
                "/admin/ x"}) {
            mvc.perform(get("/auth/api/v1/oauth/yandex/authorize-url").param("return_to", elsewhere))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("return_to"));
        }
    }

    private JsonNode loginThroughYandex() throws Exception {
        MvcResult start = mvc.perform(get("/auth/api/v1/oauth/yandex/authorize-url"))
                .andExpect(status().isFound())
                .andReturn();
        String authorizeUrl = start.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(UriComponentsBuilder.fromUriString(authorizeUrl).build().getQueryParams())
                .containsKeys("state", "client_id", "redirect_uri");
        UriComponents callback = consent(authorizeUrl);
        String body = mvc.perform(get(callback.getPath())
                        .param("code", callback.getQueryParams().getFirst("code"))
                        .param("state", callback.getQueryParams().getFirst("state"))
                        .cookie(start.getResponse().getCookie(YandexLoginController.STATE_COOKIE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    /** The browser at "Yandex": the consent page redirects back to our callback with code and state. */
    private UriComponents consent(String authorizeUrl) throws Exception {
        HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return UriComponentsBuilder.fromUriString(response.headers().firstValue("Location").orElseThrow()).build();
    }

    private JsonNode me(String accessToken) throws Exception {
        return json.readTree(mvc.perform(get("/auth/api/v1/users/me").with(TestUsers.bearer(accessToken)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static String uniqueYandexId() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }
}
