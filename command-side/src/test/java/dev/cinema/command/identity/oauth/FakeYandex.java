package dev.cinema.command.identity.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A local stand-in for Yandex ID's authorize, token and info endpoints, started once per test JVM and wired
 * into every test context through properties (registered in META-INF/spring.factories). A test says who will
 * log in at "Yandex" with {@link #willLogIn}; the consent page then redirects back with a code for that profile.
 */
public class FakeYandex implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String CLIENT_ID = "test-client";
    static final String CLIENT_SECRET = "test-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, Object>> PROFILES_BY_CODE = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Object>> PROFILES_BY_TOKEN = new ConcurrentHashMap<>();
    private static volatile Map<String, Object> nextProfile;
    private static MockWebServer server;

    static void willLogIn(Map<String, Object> profile) {
        nextProfile = profile;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String base = start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-yandex", Map.of(
                "cinema.oauth.yandex.client-id", CLIENT_ID,
                "cinema.oauth.yandex.client-secret", CLIENT_SECRET,
                "cinema.oauth.yandex.authorization-uri", base + "authorize",
                "cinema.oauth.yandex.token-uri", base + "token",
                "cinema.oauth.yandex.user-info-uri", base + "info?format=json")));
    }

    private static synchronized String start() {
        if (server == null) {
            server = new MockWebServer();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return switch (request.getRequestUrl().encodedPath()) {
                        case "/authorize" -> authorize(request.getRequestUrl());
                        case "/token" -> token(form(request.getBody().readUtf8()));
                        case "/info" -> info(request.getHeader("Authorization"));
                        default -> new MockResponse().setResponseCode(404);
                    };
                }
            });
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.shutdown();
                } catch (IOException ignored) {
                    // The JVM is going away anyway.
                }
            }));
        }
        return server.url("/").toString();
    }

    /** The user "consents": back to the app with a fresh code and the app's state. */
    private static MockResponse authorize(HttpUrl url) {
        if (!CLIENT_ID.equals(url.queryParameter("client_id")) || nextProfile == null) {
            return new MockResponse().setResponseCode(400);
        }
        String code = UUID.randomUUID().toString();
        PROFILES_BY_CODE.put(code, nextProfile);
        HttpUrl back = HttpUrl.get(url.queryParameter("redirect_uri")).newBuilder()
                .addQueryParameter("code", code).addQueryParameter("state", url.queryParameter("state")).build();
        return new MockResponse().setResponseCode(302).setHeader("Location", back.toString());
    }

    /** Codes work once, and only for our client. */
    private static MockResponse token(Map<String, String> form) {
        Map<String, Object> profile = PROFILES_BY_CODE.remove(form.getOrDefault("code", ""));
        if (profile == null || !"authorization_code".equals(form.get("grant_type"))
                || !CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(400, Map.of("error", "invalid_grant", "error_description", "Code has expired"));
        }
        String token = "y0_" + UUID.randomUUID();
        PROFILES_BY_TOKEN.put(token, profile);
        return json(200, Map.of("access_token", token, "token_type", "bearer", "expires_in", 31536000,
                "refresh_token", "r_" + UUID.randomUUID()));
    }

    private static MockResponse info(String authorization) {
        Map<String, Object> profile = authorization != null && authorization.startsWith("OAuth ")
                ? PROFILES_BY_TOKEN.get(authorization.substring("OAuth ".length())) : null;
        return profile == null ? new MockResponse().setResponseCode(401) : json(200, profile);
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : ""));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static MockResponse json(int status, Map<String, Object> body) {
        try {
            return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                    .setBody(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
