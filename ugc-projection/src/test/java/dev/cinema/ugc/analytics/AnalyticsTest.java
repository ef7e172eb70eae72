package dev.cinema.ugc.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.ugc.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The analytics endpoints on a small known data set, each checked twice: against the hand-computed figures and
 * against a direct SQL query over the raw {@code user_events} table. Every event is posted twice, so the figures
 * also show that redelivered events count once in the materialised views.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsTest extends IntegrationTest {

    private final UUID film = UUID.randomUUID();
    private final UUID popular = UUID.randomUUID();
    private final UUID finished = UUID.randomUUID();
    private final UUID started = UUID.randomUUID();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final Instant now = Instant.now();
    private int tick;

    /** k days ago, a few milliseconds apart in posting order (so "latest" is well defined). */
    private Instant daysAgo(int k) {
        return now.minus(Duration.ofDays(k)).minusMillis(1000 - tick++);
    }

    private LocalDate day(int k) {
        return LocalDate.ofInstant(now.minus(Duration.ofDays(k)).minusMillis(1000), ZoneOffset.UTC);
    }

    private Map<String, Object> view(UUID film, int k, int percent) {
        return viewProgress(UUID.randomUUID(), film, daysAgo(k), percent * 60, 6000);
    }

    @BeforeAll
    void postTheDataSetTwice() throws Exception {
        List<Map<String, Object>> ofA = List.of(
                view(film, 2, 10), view(film, 1, 95), view(film, 0, 50),
                rating(film, daysAgo(1), 8), rating(film, daysAgo(0), 6),
                event("bookmark_added", UUID.randomUUID(), film, daysAgo(2)),
                event("bookmark_removed", UUID.randomUUID(), film, daysAgo(1)),
                view(finished, 1, 30), view(finished, 1, 95),
                view(started, 1, 30),
                event("bookmark_added", UUID.randomUUID(), finished, daysAgo(1)));
        List<Map<String, Object>> ofB = List.of(
                view(film, 0, 30), view(film, 0, 40), rating(film, daysAgo(0), 10),
                event("bookmark_added", UUID.randomUUID(), film, daysAgo(0)));
        List<Map<String, Object>> ofC = List.of(view(film, 1, 90), event("bookmark_added", UUID.randomUUID(), film, daysAgo(1)));
        for (int round = 0; round < 2; round++) {
            postAll(a, ofA);
            postAll(b, ofB);
            postAll(c, ofC);
        }
        List<UUID> viewers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID viewer = UUID.randomUUID();
            viewers.add(viewer);
            postAll(viewer, List.of(view(popular, 0, 20), view(popular, 1, 20)));
        }
        UUID[] everyone = viewers.toArray(new UUID[0]);
        awaitValue(() -> distinctEvents(a, b, c), ofA.size() + ofB.size() + ofC.size(), Duration.ofSeconds(30));
        awaitValue(() -> distinctEvents(everyone), 10, Duration.ofSeconds(30));
    }

    private JsonNode getJson(MockHttpServletRequestBuilder request, UUID user) throws Exception {
        byte[] body = mvc.perform(request.with(jwt().jwt(token -> token.subject(user.toString()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return json.readTree(body);
    }

    @Test
    void filmStatsMatchTheHandCountAndTheRawTable() throws Exception {
        JsonNode all = getJson(get("/ugc/api/v1/films/{id}/stats", film)
                .param("from", day(2).toString()).param("to", day(0).toString()), a);
        assertThat(all.path("views").asLong()).isEqualTo(5);          // A on 3 days, B and C on 1
        assertThat(all.path("unique_viewers").asLong()).isEqualTo(3);
        assertThat(all.path("completions").asLong()).isEqualTo(2);     // A (95%) and C (90%)
        assertThat(all.path("average_progress").asDouble()).isCloseTo((0.95 + 0.40 + 0.90) / 3, within(1e-4));
        assertThat(all.path("rating").path("average").asDouble()).isEqualTo(8.0); // A's latest 6, B's 10
        assertThat(all.path("rating").path("count").asLong()).isEqualTo(2);
        assertThat(all.path("bookmarks").asLong()).isEqualTo(2);       // B and C; A removed it
        assertThat(all).isEqualTo(json.readTree(json.writeValueAsBytes(rawStats(day(2), day(0)))));

        JsonNode today = getJson(get("/ugc/api/v1/films/{id}/stats", film)
                .param("from", day(0).toString()).param("to", day(0).toString()), a);
        assertThat(today.path("views").asLong()).isEqualTo(2);
        assertThat(today.path("completions").asLong()).isZero();
        assertThat(today.path("average_progress").asDouble()).isCloseTo((0.50 + 0.40) / 2, within(1e-4));
        assertThat(today).isEqualTo(json.readTree(json.writeValueAsBytes(rawStats(day(0), day(0)))));
    }

    /** The same figures straight from the raw events (distinct events, latest by time then id). */
    private Map<String, Object> rawStats(LocalDate from, LocalDate to) {
        Map<String, Object> viewing = jdbc.queryForMap("""
                SELECT sum(days) AS views, count() AS unique_viewers, countIf(p >= 0.9) AS completions,
                       if(count() = 0, 0, round(avg(p), 4)) AS average_progress
                FROM (SELECT user_id, uniqExact(toDate(occurred_at)) AS days, max(least(position_s / duration_s, 1)) AS p
                      FROM user_events WHERE type = 'view_progress' AND film_id = ?
                        AND toDate(occurred_at) BETWEEN toDate(?) AND toDate(?) GROUP BY user_id)
                """, film.toString(), from.toString(), to.toString());
        Map<String, Object> rating = jdbc.queryForMap("""
                SELECT if(count() = 0, NULL, round(avg(s), 2)) AS average, count() AS count
                FROM (SELECT user_id, argMax(score, (occurred_at, event_id)) AS s FROM user_events
                      WHERE type = 'rating' AND film_id = ? GROUP BY user_id)
                """, film.toString());
        Long bookmarks = jdbc.queryForObject("""
                SELECT countIf(t = 'bookmark_added') FROM (
                    SELECT user_id, argMax(type, (occurred_at, event_id)) AS t FROM user_events
                    WHERE type IN ('bookmark_added', 'bookmark_removed') AND film_id = ? GROUP BY user_id)
                """, Long.class, film.toString());
        return Map.of("film_id", film, "from", from, "to", to,
                "views", ((Number) viewing.get("views")).longValue(),
                "unique_viewers", ((Number) viewing.get("unique_viewers")).longValue(),
                "completions", ((Number) viewing.get("completions")).longValue(),
                "average_progress", ((Number) viewing.get("average_progress")).doubleValue(),
                "rating", Map.of("average", ((Number) rating.get("average")).doubleValue(),
                        "count", ((Number) rating.get("count")).longValue()),
                "bookmarks", bookmarks);
    }

    @Test
    void topFilmsMatchTheRawTable() throws Exception {
        for (String metric : List.of("views", "unique_viewers", "completions")) {
            JsonNode top = getJson(get("/ugc/api/v1/films/top").param("period", "7d").param("metric", metric)
                    .param("limit", "100"), a);
            String value = switch (metric) {
                case "views" -> "uniqExact(toDate(occurred_at), user_id)";
                case "unique_viewers" -> "uniqExact(user_id)";
                default -> "uniqExactIf(user_id, position_s >= 0.9 * duration_s)";
            };
            List<Map<String, Object>> raw = jdbc.queryForList("""
                    SELECT toString(film_id) AS film, %s AS value FROM user_events
                    WHERE type = 'view_progress' AND toDate(occurred_at) > today() - 7
                    GROUP BY film_id ORDER BY value DESC, film_id LIMIT 100
                    """.formatted(value));
            List<Map<String, Object>> served = new ArrayList<>();
            top.forEach(row -> served.add(Map.of("film_id", row.path("film_id").asText(), "value", row.path("value").asLong())));
            assertThat(served).as(metric).isEqualTo(raw.stream().map(row -> Map.<String, Object>of(
                    "film_id", row.get("film"), "value", ((Number) row.get("value")).longValue())).toList());
        }
        JsonNode byViews = getJson(get("/ugc/api/v1/films/top").param("limit", "100"), a);
        assertThat(byViews.findValuesAsText("film_id")).contains(popular.toString(), film.toString());
    }

    @Test
    void topRejectsUnknownPeriodsAndMetrics() throws Exception {
        mvc.perform(get("/ugc/api/v1/films/top").param("period", "7w").with(jwt().jwt(t -> t.subject(a.toString()))))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/ugc/api/v1/films/top").param("metric", "likes").with(jwt().jwt(t -> t.subject(a.toString()))))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("metric"));
        mvc.perform(get("/ugc/api/v1/films/top").param("limit", "0").with(jwt().jwt(t -> t.subject(a.toString()))))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void continueWatchingIsTheUnfinishedFilmsLatestFirst() throws Exception {
        JsonNode list = getJson(get("/ugc/api/v1/users/me/continue-watching"), a);
        assertThat(list.findValuesAsText("film_id")).containsExactly(film.toString(), started.toString());
        assertThat(list.get(0).path("position_s").asInt()).isEqualTo(50 * 60);
        assertThat(list.findValuesAsText("film_id")).isEqualTo(jdbc.queryForList("""
                SELECT toString(film_id) FROM (
                    SELECT film_id, argMax(position_s, (occurred_at, event_id)) AS p, argMax(duration_s, (occurred_at, event_id)) AS d,
                           max(occurred_at) AS at
                    FROM user_events WHERE type = 'view_progress' AND user_id = ? GROUP BY film_id)
                WHERE p > 0 AND p < 0.9 * d ORDER BY at DESC, film_id
                """, String.class, a.toString()));
    }

    @Test
    void bookmarksAreTheCurrentOnes() throws Exception {
        String raw = """
                SELECT toString(film_id) FROM (
                    SELECT film_id, argMax(type, (occurred_at, event_id)) AS t, max(occurred_at) AS at FROM user_events
                    WHERE type IN ('bookmark_added', 'bookmark_removed') AND user_id = ? GROUP BY film_id)
                WHERE t = 'bookmark_added' ORDER BY at DESC, film_id
                """;
        JsonNode ofA = getJson(get("/ugc/api/v1/users/me/bookmarks"), a);
        assertThat(ofA.findValuesAsText("film_id")).containsExactly(finished.toString())
                .isEqualTo(jdbc.queryForList(raw, String.class, a.toString()));
        JsonNode ofB = getJson(get("/ugc/api/v1/users/me/bookmarks"), b);
        assertThat(ofB.findValuesAsText("film_id")).containsExactly(film.toString())
                .isEqualTo(jdbc.queryForList(raw, String.class, b.toString()));
    }
}
