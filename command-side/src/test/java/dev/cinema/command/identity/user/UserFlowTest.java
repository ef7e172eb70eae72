package dev.cinema.command.identity.user;

import static dev.cinema.command.TestUsers.PASSWORD;
import static dev.cinema.command.TestUsers.bearer;
import static dev.cinema.command.TestUsers.fromIp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.command.CommandSideTest;
import dev.cinema.command.OtherServiceDecoder;
import dev.cinema.command.TestUsers;
import jakarta.servlet.http.Cookie;
import dev.cinema.contracts.identity.user.RegisterUser;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

@CommandSideTest
class UserFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestUsers users;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void registerLoginRefreshLogoutAndLoginHistory() throws Exception {
        String email = TestUsers.uniqueEmail("Walk");
        String ip = TestUsers.randomIp();

        mvc.perform(post("/auth/api/v1/users/register").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("email", email, "password", PASSWORD, "first_name", "Ada"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.first_name").value("Ada"));

        // The same address in other letters is the same address.
        mvc.perform(post("/auth/api/v1/users/register").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("email", email.toUpperCase(), "password", PASSWORD))))
                .andExpect(status().isConflict())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.errors[0].field").value("email"));

        String wrongPassword = failedLogin(email, "not the password", ip);
        String unknownEmail = failedLogin(TestUsers.uniqueEmail("nobody"), PASSWORD, ip);
        assertThat(wrongPassword).isEqualTo(unknownEmail).contains("Wrong e-mail or password");

        MvcResult firstLogin = login(email, "agent-1", ip)
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(header().stringValues(HttpHeaders.SET_COOKIE,
                        hasItems(containsString("access_token="), containsString("refresh_token="))))
                .andExpect(header().stringValues(HttpHeaders.SET_COOKIE,
                        everyItem(containsString("HttpOnly"))))
                .andReturn();
        JsonNode first = json.readTree(firstLogin.getResponse().getContentAsString());

        mvc.perform(get("/auth/api/v1/users/me").with(bearer(first.get("access_token").asText())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.roles").isEmpty());

        JsonNode rotated = refresh(first.get("refresh_token").asText());
        mvc.perform(get("/auth/api/v1/users/me").with(bearer(rotated.get("access_token").asText())))
                .andExpect(status().isOk());

        // Replaying the used refresh token is refused and ends the whole session, newest tokens included.
        mvc.perform(post("/auth/api/v1/users/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", first.get("refresh_token").asText()))))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(post("/auth/api/v1/users/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", rotated.get("refresh_token").asText()))))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/auth/api/v1/users/me").with(bearer(rotated.get("access_token").asText())))
                .andExpect(status().isUnauthorized());

        JsonNode second = json.readTree(login(email, "agent-2", ip).andReturn().getResponse().getContentAsString());
        // Browsers refresh with the cookie instead of a body.
        String cookieRefreshed = mvc.perform(post("/auth/api/v1/users/refresh")
                        .cookie(new Cookie("refresh_token", second.get("refresh_token").asText())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String access = json.readTree(cookieRefreshed).get("access_token").asText();
        var otherService = OtherServiceDecoder.forJwksAt(port);
        assertThatCode(() -> otherService.decode(access)).doesNotThrowAnyException();

        mvc.perform(post("/auth/api/v1/users/logout").with(bearer(access)))
                .andExpect(status().isNoContent())
                .andExpect(header().stringValues(HttpHeaders.SET_COOKIE,
                        hasItem(containsString("Max-Age=0"))));
        mvc.perform(get("/auth/api/v1/users/me").with(bearer(access)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/auth/api/v1/users/me").cookie(new Cookie("access_token", access)))
                .andExpect(status().isUnauthorized());
        assertThatThrownBy(() -> otherService.decode(access)).isInstanceOf(JwtException.class);

        JsonNode third = json.readTree(login(email, "agent-3", ip).andReturn().getResponse().getContentAsString());
        mvc.perform(get("/auth/api/v1/users/me/login-history?page_number=1&page_size=2")
                        .with(bearer(third.get("access_token").asText())))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "3"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].user_agent").value("agent-3"))
                .andExpect(jsonPath("$[0].ip").value(ip))
                .andExpect(jsonPath("$[1].user_agent").value("agent-2"));
        mvc.perform(get("/auth/api/v1/users/me/login-history?page_number=2&page_size=2")
                        .with(bearer(third.get("access_token").asText())))
                .andExpect(jsonPath("$[0].user_agent").value("agent-1"));
        mvc.perform(get("/auth/api/v1/users/me/login-history?page_size=101")
                        .with(bearer(third.get("access_token").asText())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("page_size"));
    }

    @Test
    void logoutEverywhereEndsEverySession() throws Exception {
        TestUsers.Session phone = users.newUser();
        TestUsers.Session laptop = users.login(phone.email(), PASSWORD);

        mvc.perform(post("/auth/api/v1/users/logout-all").with(phone.bearer())).andExpect(status().isNoContent());

        mvc.perform(get("/auth/api/v1/users/me").with(laptop.bearer())).andExpect(status().isUnauthorized());
        mvc.perform(post("/auth/api/v1/users/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", laptop.refreshToken()))))
                .andExpect(status().isUnauthorized());
        // A fresh login still works.
        mvc.perform(get("/auth/api/v1/users/me").with(users.login(phone.email(), PASSWORD).bearer()))
                .andExpect(status().isOk());
    }

    @Test
    void aDeactivatedUserIsLoggedOutEverywhereAndCannotLogInAgain() throws Exception {
        TestUsers.Session user = users.newUser();

        mvc.perform(delete("/auth/api/v1/users/" + user.userId()).with(users.admin().bearer()))
                .andExpect(status().isNoContent());

        mvc.perform(get("/auth/api/v1/users/me").with(user.bearer())).andExpect(status().isUnauthorized());
        mvc.perform(post("/auth/api/v1/users/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", user.refreshToken()))))
                .andExpect(status().isUnauthorized());
        failedLogin(user.email(), PASSWORD, TestUsers.randomIp());
    }

    @Test
    void profileAndPasswordChanges() throws Exception {
        TestUsers.Session user = users.newUser();
        TestUsers.Session otherDevice = users.login(user.email(), PASSWORD);

        mvc.perform(patch("/auth/api/v1/users/me").with(user.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("last_name", "Lovelace"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.last_name").value("Lovelace"));
        mvc.perform(patch("/auth/api/v1/users/me").with(user.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("password", "a new long password", "current_password", "wrong guess"))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("current_password"));
        mvc.perform(patch("/auth/api/v1/users/me").with(user.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("password", "a new long password", "current_password", PASSWORD))))
                .andExpect(status().isOk());

        failedLogin(user.email(), PASSWORD, TestUsers.randomIp());
        users.login(user.email(), "a new long password");
        // The session that changed the password stays; every other one ends.
        mvc.perform(get("/auth/api/v1/users/me").with(user.bearer())).andExpect(status().isOk());
        mvc.perform(get("/auth/api/v1/users/me").with(otherDevice.bearer())).andExpect(status().isUnauthorized());
        mvc.perform(post("/auth/api/v1/users/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", otherDevice.refreshToken()))))
                .andExpect(status().isUnauthorized());
    }

    /** Two registrations racing past the controller's check: the unique index decides, and no event is stored. */
    @Test
    void theEmailIndexRejectsADuplicateInTheCommandsTransaction() throws Exception {
        TestUsers.Session user = users.newUser();
        UUID second = UUID.randomUUID();

        assertThatThrownBy(() -> commands.sendAndWait(
                new RegisterUser(second, user.email().toUpperCase(), "{noop}irrelevant", null, null)))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("identity_user_email_key"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, second.toString())).isZero();
    }

    @Test
    void badRegistrationsNameTheField() throws Exception {
        mvc.perform(post("/auth/api/v1/users/register").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("email", TestUsers.uniqueEmail("short"), "password", "7chars!"))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/auth/api/v1/users/register").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("email", "not-an-address", "password", PASSWORD))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(post("/auth/api/v1/users/refresh").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("refresh_token"));
    }

    private ResultActions login(String email, String userAgent, String ip)
            throws Exception {
        return mvc.perform(post("/auth/api/v1/users/login").with(fromIp(ip))
                        .header(HttpHeaders.USER_AGENT, userAgent)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("email", email, "password", PASSWORD))))
                .andExpect(status().isOk());
    }

    private String failedLogin(String email, String password, String ip) throws Exception {
        String problem = mvc.perform(post("/auth/api/v1/users/login").with(fromIp(ip))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("email", email, "password", password))))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(problem).get("detail").asText();
    }

    private JsonNode refresh(String refreshToken) throws Exception {
        return json.readTree(mvc.perform(post("/auth/api/v1/users/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", refreshToken))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private String body(Map<String, String> fields) throws Exception {
        return json.writeValueAsString(fields);
    }
}
