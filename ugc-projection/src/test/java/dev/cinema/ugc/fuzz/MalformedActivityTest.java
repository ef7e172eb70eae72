package dev.cinema.ugc.fuzz;

import static dev.cinema.kit.web.MalformedInput.Shape.DATE;
import static dev.cinema.kit.web.MalformedInput.Shape.ENUM;
import static dev.cinema.kit.web.MalformedInput.Shape.NUMBER;
import static dev.cinema.kit.web.MalformedInput.Shape.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.cinema.kit.security.TestTokenKeys;
import dev.cinema.kit.security.TokenDenyList;
import dev.cinema.kit.security.TokenMatrix;
import dev.cinema.kit.web.FuzzClient;
import dev.cinema.kit.web.MalformedInput;
import dev.cinema.ugc.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/**
 * Generated malformed requests against every endpoint of ugc-projection over real HTTP: each is a 4xx, none is
 * published (the user's only row in ClickHouse is a valid event sent after them), and the token rules hold.
 */
class MalformedActivityTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TokenDenyList denyList;

    @Test
    void malformedActivityIsRefusedAndNothingOfItIsStored() throws Exception {
        java.util.UUID user = java.util.UUID.randomUUID();
        String film = java.util.UUID.randomUUID().toString();
        FuzzClient client = new FuzzClient("http://127.0.0.1:" + port, TestTokenKeys.FORGE.access(user.toString()));
        String at = Instant.now().minusSeconds(60).toString();

        MalformedInput views = MalformedInput.from("""
                        {"type":"view_progress","event_id":"%s","film_id":"%s","occurred_at":"%s","position_s":10,"duration_s":100}"""
                        .formatted(java.util.UUID.randomUUID(), film, at))
                .required("type", ENUM).field("event_id", UUID).required("film_id", UUID).required("occurred_at", DATE)
                .required("position_s", NUMBER).required("duration_s", NUMBER);
        MalformedInput ratings = MalformedInput.from("""
                        {"type":"rating","film_id":"%s","occurred_at":"%s","score":7}""".formatted(film, at))
                .required("type", ENUM).required("film_id", UUID).required("occurred_at", DATE).required("score", NUMBER);
        MalformedInput bookmarks = MalformedInput.from("""
                        {"type":"bookmark_added","film_id":"%s","occurred_at":"%s"}""".formatted(film, at))
                .required("type", ENUM).required("film_id", UUID).required("occurred_at", DATE);
        for (MalformedInput input : List.of(views, ratings, bookmarks)) {
            for (MalformedInput.Body body : input.bodies()) {
                client.expectRefused("POST", "/ugc/api/v1/events", body);
                client.expectRefused("POST", "/ugc/api/v1/events", inBatch(body));
                if (!body.label().matches("(missing )?type.*|missing occurred_at|occurred_at = null|3 MB in the first field")) {
                    // The compatibility route takes the type from its path, whatever the body says (the first
                    // field is the type), and the time defaults to now.
                    client.expectRefused("POST", "/ugc/send-to-broker/" + (input == views ? "movie_events" : input == ratings ? "rating" : "bookmark_added"), body);
                }
            }
        }
        for (String text : MalformedInput.INJECTIONS) {
            String value = URLEncoder.encode(text, StandardCharsets.UTF_8);
            client.expectRefused("POST", "/ugc/send-to-broker/movie_events?movie_id=" + value + "&viewed_frame=1&duration=2",
                    new MalformedInput.Body("movie_id " + text, null, null));
            client.expectRefused("POST", "/ugc/send-to-broker/" + value + "?movie_id=" + film,
                    new MalformedInput.Body("type " + text, null, null));
            for (String query : List.of("/ugc/api/v1/films/" + value + "/stats", "/ugc/api/v1/films/" + film + "/stats?from=" + value,
                    "/ugc/api/v1/films/top?period=" + value, "/ugc/api/v1/films/top?metric=" + value,
                    "/ugc/api/v1/films/top?limit=" + value, "/ugc/api/v1/users/me/continue-watching?limit=" + value,
                    "/ugc/api/v1/users/me/bookmarks?limit=" + value)) {
                client.expectNoServerError("GET", query);
            }
        }
        assertThat(client.wrongAnswers()).as("answers other than 4xx").isEmpty();
        assertThat(client.sent()).isGreaterThanOrEqualTo(1_000);

        java.util.UUID sentinel = java.util.UUID.randomUUID();
        postEvents(user, viewProgress(sentinel, java.util.UUID.fromString(film), Instant.now(), 1, 2))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isAccepted());
        awaitValue(() -> jdbc.queryForObject("SELECT count() FROM user_events WHERE event_id = ?", Long.class,
                sentinel.toString()), 1, Duration.ofSeconds(30));
        assertThat(distinctEvents(user)).as("events stored for the fuzzing user").isEqualTo(1);
    }

    @Test
    void forgedExpiredRefreshAndRevokedTokensAre401() throws Exception {
        List<String> wrong = TokenMatrix.check(TestTokenKeys.FORGE, denyList, 200, token -> {
            var request = get("/ugc/api/v1/users/me/bookmarks").with(SecurityMockMvcRequestPostProcessors.anonymous());
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            return mvc.perform(request).andReturn().getResponse().getStatus();
        });
        assertThat(wrong).isEmpty();
    }

    /** The malformed event as the second of a batch whose first is valid: the whole batch is refused. */
    private static MalformedInput.Body inBatch(MalformedInput.Body body) {
        String valid = """
                {"type":"bookmark_added","film_id":"%s","occurred_at":"%s"}""".formatted(java.util.UUID.randomUUID(), Instant.now());
        byte[] batch = ("[" + valid + ",").getBytes(StandardCharsets.UTF_8);
        byte[] joined = new byte[batch.length + body.bytes().length + 1];
        System.arraycopy(batch, 0, joined, 0, batch.length);
        System.arraycopy(body.bytes(), 0, joined, batch.length, body.bytes().length);
        joined[joined.length - 1] = ']';
        return new MalformedInput.Body(body.label() + " in a batch", body.contentType(), joined);
    }
}
