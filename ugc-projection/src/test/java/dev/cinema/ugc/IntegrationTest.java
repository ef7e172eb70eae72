package dev.cinema.ugc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.kit.security.TestTokenKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One Spring context for every test class, against the real Kafka and ClickHouse (started by infra/bin), in the
 * test profile's own database and topic (override with UGC_CLICKHOUSE_DATABASE / UGC_KAFKA_TOPIC to keep parallel
 * runs apart). The application reaches ClickHouse through a {@link TcpProxy} that a test can cut.
 * Each test uses fresh random users and films, so tests do not see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Real signed tokens for tests over HTTP, verified with a test key instead of command-side's JWKS.
@Import(TestTokenKeys.class)
@AutoConfigureMockMvc
// Boot's tests otherwise replace tracing with a no-op, and the trace context would not reach Kafka's headers.
@AutoConfigureObservability(metrics = false)
public abstract class IntegrationTest {

    protected static final TcpProxy CLICKHOUSE = startProxy();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;
    @Value("${ugc.clickhouse.database}")
    protected String database;
    @Value("${ugc.kafka.topic}")
    protected String topic;

    private static TcpProxy startProxy() {
        try {
            return new TcpProxy("127.0.0.1", 8123);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void clickHouseThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("ugc.clickhouse.endpoint", () -> "127.0.0.1:" + CLICKHOUSE.port());
    }

    protected ResultActions postEvents(UUID user, Object body) throws Exception {
        return mvc.perform(post("/ugc/api/v1/events")
                .with(jwt().jwt(token -> token.subject(user.toString())))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(body)));
    }

    /** Posts the events in requests of at most 1,000, each expected to be accepted. */
    protected void postAll(UUID user, List<Map<String, Object>> events) throws Exception {
        for (int from = 0; from < events.size(); from += 1000) {
            postEvents(user, events.subList(from, Math.min(events.size(), from + 1000))).andExpect(status().isAccepted());
        }
    }

    protected static Map<String, Object> viewProgress(UUID eventId, UUID film, Instant at, int position, int duration) {
        Map<String, Object> event = event("view_progress", eventId, film, at);
        event.put("position_s", position);
        event.put("duration_s", duration);
        return event;
    }

    protected static Map<String, Object> rating(UUID film, Instant at, int score) {
        Map<String, Object> event = event("rating", UUID.randomUUID(), film, at);
        event.put("score", score);
        return event;
    }

    protected static Map<String, Object> event(String type, UUID eventId, UUID film, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("event_id", eventId.toString());
        event.put("film_id", film.toString());
        event.put("occurred_at", at.toString());
        return event;
    }

    protected static List<Map<String, Object>> views(UUID film, int count) {
        List<Map<String, Object>> events = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            events.add(viewProgress(UUID.randomUUID(), film, now.minusSeconds(count - i), i % 7200, 7200));
        }
        return events;
    }

    /** Distinct events of these users in the raw table (what a redelivery must not change). */
    protected long distinctEvents(UUID... users) {
        return jdbc.queryForObject("SELECT uniqExact(event_id) FROM user_events WHERE user_id IN " + in(users), Long.class);
    }

    /** Rows of these users after collapsing copies of the same event (ReplacingMergeTree FINAL). */
    protected long rowsFinal(UUID... users) {
        return jdbc.queryForObject("SELECT count() FROM user_events FINAL WHERE user_id IN " + in(users), Long.class);
    }

    /** A SQL list of ids ({@code ('…', '…')}); UUIDs need no escaping. */
    protected static String in(UUID... ids) {
        return Arrays.stream(ids).map(id -> "'" + id + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    protected static void awaitValue(LongSupplier actual, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = actual.getAsLong();
                if (last == expected) {
                    return;
                }
            } catch (RuntimeException stillDown) {
                // ClickHouse unreachable for a moment: keep waiting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + expected + " within " + timeout + ", last seen " + last);
    }
}
