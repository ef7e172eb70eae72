package dev.cinema.ugc.ingest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cinema.ugc.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What POST /ugc/api/v1/events and the compatibility route accept and refuse. */
class IngestValidationTest extends IntegrationTest {

    private final UUID user = UUID.randomUUID();
    private final UUID film = UUID.randomUUID();
    private final Instant now = Instant.now();

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() throws Exception {
        mvc.perform(post("/ugc/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/ugc/api/v1/users/me/bookmarks")).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenWhoseSubjectIsNotAUserIdIs401() throws Exception {
        mvc.perform(get("/ugc/api/v1/users/me/bookmarks").with(jwt().jwt(token -> token.subject("admin"))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void everyInvalidEventOfAnArrayIsNamedByIndexAndField() throws Exception {
        List<Object> events = new ArrayList<>();
        events.add(viewProgress(UUID.randomUUID(), film, now, 10, 100));                       // [0] fine
        events.add(Map.of("type", "view_progress", "film_id", film.toString(), "occurred_at", now.toString(),
                "position_s", 101, "duration_s", 100));                                       // [1] past the end
        events.add(Map.of("type", "rating", "film_id", "not-a-uuid", "occurred_at", now.toString(), "score", 5)); // [2]
        events.add(Map.of("type", "rating", "film_id", film.toString(), "occurred_at", now.toString(), "score", 11)); // [3]
        events.add(Map.of("type", "liked", "film_id", film.toString(), "occurred_at", now.toString()));  // [4]
        events.add(Map.of("type", "bookmark_added", "film_id", film.toString()));                  // [5] no time
        events.add(Map.of("type", "bookmark_added", "film_id", film.toString(),
                "occurred_at", now.plus(Duration.ofHours(1)).toString()));                      // [6] future
        events.add(Map.of("type", "rating", "film_id", film.toString(), "occurred_at", now.toString(),
                "score", "ten"));                                                              // [7] wrong type
        events.add(Map.of("type", "bookmark_removed", "film_id", film.toString(), "occurred_at", now.toString(),
                "user_id", UUID.randomUUID().toString()));                                     // [8] someone else
        events.add("just text");                                                                // [9]

        postEvents(user, events)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder(
                        "[1].position_s", "[2].film_id", "[3].score", "[4].type", "[5].occurred_at", "[6].occurred_at",
                        "[7].score", "[8].user_id", "[9]")))
                .andExpect(jsonPath("$.errors[?(@.field == '[3].score')].message").value("must be between 1 and 10"));
        // All or nothing: the valid [0] was not published either.
        Thread.sleep(1500);
        org.assertj.core.api.Assertions.assertThat(distinctEvents(user)).isZero();
    }

    @Test
    void aSingleInvalidObjectIsNamedWithoutIndex() throws Exception {
        postEvents(user, Map.of("type", "view_progress", "film_id", film.toString(), "occurred_at", now.toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("position_s", "duration_s")));
    }

    @Test
    void batchesAreOneToAThousandEvents() throws Exception {
        postEvents(user, List.of()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        postEvents(user, Collections.nCopies(1001, viewProgress(UUID.randomUUID(), film, now, 1, 2)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        mvc.perform(post("/ugc/api/v1/events").with(jwt().jwt(token -> token.subject(user.toString())))
                        .contentType(MediaType.APPLICATION_JSON).content("[{"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void validEventsAreAcceptedWithTheirCountAndProjected() throws Exception {
        postEvents(user, List.of(viewProgress(UUID.randomUUID(), film, now, 60, 5400), rating(film, now, 8),
                        event("bookmark_added", UUID.randomUUID(), film, now)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(3));
        postEvents(user, viewProgress(UUID.randomUUID(), film, now, 61, 5400))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1));

        awaitValue(() -> distinctEvents(user), 4, Duration.ofSeconds(20));
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                        "SELECT score FROM user_events WHERE user_id = ? AND type = 'rating'", Integer.class, user.toString()))
                .isEqualTo(8);
    }

    @Test
    void theCompatibilityRouteTakesTheOriginalMovieEventsFromTheQueryString() throws Exception {
        long epochSeconds = now.getEpochSecond();
        mvc.perform(post("/ugc/send-to-broker/movie_events")
                        .with(jwt().jwt(token -> token.subject(user.toString())))
                        .param("movie_id", film.toString())
                        .param("viewed_frame", "1200")
                        .param("duration", "5400")
                        .param("event_time", String.valueOf(epochSeconds)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1));
        mvc.perform(post("/ugc/send-to-broker/rating")
                        .with(jwt().jwt(token -> token.subject(user.toString())))
                        .param("movie_id", film.toString())
                        .param("score", "7"))
                .andExpect(status().isAccepted());
        mvc.perform(post("/ugc/send-to-broker/movie_events")
                        .with(jwt().jwt(token -> token.subject(user.toString())))
                        .param("movie_id", film.toString())
                        .param("viewed_frame", "later"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("position_s", "duration_s")));

        awaitValue(() -> distinctEvents(user), 2, Duration.ofSeconds(20));
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                        "SELECT position_s FROM user_events WHERE user_id = ? AND type = 'view_progress'", Integer.class,
                        user.toString()))
                .isEqualTo(1200);
    }
}
