package dev.cinema.command;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.command.identity.superuser.Superusers;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Users and tokens for tests: a fresh plain user, or the test run's admin (a superuser made through the same
 * service as {@code make superuser}). Real tokens from the real login; {@link #jwtWithRoles} when a test only
 * needs an authenticated principal without the token machinery. A bean of every {@link CommandSideTest}.
 */
public class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    public record Session(UUID userId, String email, String accessToken, String refreshToken) {
        public RequestPostProcessor bearer() {
            return TestUsers.bearer(accessToken);
        }
    }

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final Superusers superusers;
    private final JwtAuthenticationConverter authenticationConverter;
    private volatile String adminEmail;

    TestUsers(MockMvc mvc, ObjectMapper json, Superusers superusers, JwtAuthenticationConverter authenticationConverter) {
        this.mvc = mvc;
        this.json = json;
        this.superusers = superusers;
        this.authenticationConverter = authenticationConverter;
    }

    public static String uniqueEmail(String label) {
        return label + "-" + UUID.randomUUID() + "@test.cinema.dev";
    }

    /** A new account with {@link #PASSWORD}, logged in. */
    public Session newUser() throws Exception {
        String email = uniqueEmail("user");
        register(email, PASSWORD);
        return login(email, PASSWORD);
    }

    /** The run's superuser (role admin), logged in anew. */
    public Session admin() throws Exception {
        if (adminEmail == null) {
            synchronized (this) {
                if (adminEmail == null) {
                    String email = uniqueEmail("admin");
                    superusers.createOrPromote(email, PASSWORD);
                    adminEmail = email;
                }
            }
        }
        return login(adminEmail, PASSWORD);
    }

    public void register(String email, String password) throws Exception {
        mvc.perform(post("/auth/api/v1/users/register").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("email", email, "password", password))))
                .andExpect(status().isCreated());
    }

    public Session login(String email, String password) throws Exception {
        String body = mvc.perform(post("/auth/api/v1/users/login").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("email", email, "password", password))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode tokens = json.readTree(body);
        String access = tokens.get("access_token").asText();
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
        return new Session(UUID.fromString(claims.get("sub").asText()), email, access, tokens.get("refresh_token").asText());
    }

    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /** As if the request came from another client address (rate limits, login history). */
    public static RequestPostProcessor fromIp(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    public static String randomIp() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** spring-security-test's {@code jwt()} with the platform's {@code roles} claim mapped as the apps map it. */
    public RequestPostProcessor jwtWithRoles(String... roles) {
        return jwt(UUID.randomUUID().toString(), roles);
    }

    /** As {@link #jwtWithRoles}, for a chosen subject (the acting user recorded in event metadata). */
    public RequestPostProcessor jwt(String subject, String... roles) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(token -> token.subject(subject).claim("roles", Arrays.asList(roles)))
                .authorities(jwt -> authenticationConverter.convert(jwt).getAuthorities());
    }
}
