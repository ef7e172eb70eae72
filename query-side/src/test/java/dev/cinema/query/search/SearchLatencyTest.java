package dev.cinema.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cinema.contracts.catalog.film.Credit;
import dev.cinema.contracts.catalog.film.CreditRole;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.contracts.catalog.person.PersonCreated;
import dev.cinema.query.CatalogEvents;
import dev.cinema.query.QuerySideTest;
import dev.cinema.query.consistency.ConsistencyInterceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Measures film search through the whole stack (MockMvc, cache, Elasticsearch) and logs p50/p99. */
@QuerySideTest
class SearchLatencyTest {

    private static final Logger log = LoggerFactory.getLogger(SearchLatencyTest.class);
    private static final List<String> WORDS = List.of("star", "night", "city", "river", "ghost", "winter",
            "empire", "shadow", "garden", "storm", "silver", "journey", "secret", "ocean", "wolf", "dream");

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void filmSearchLatency() throws Exception {
        Random random = new Random(42);
        CatalogEvents events = new CatalogEvents(eventStore, jdbc);
        List<UUID> persons = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID person = UUID.randomUUID();
            persons.add(person);
            events.person(person, 0, new PersonCreated(person, word(random) + "ov " + word(random) + "sky"));
        }
        long last = 0;
        for (int i = 0; i < 300; i++) {
            UUID film = UUID.randomUUID();
            last = events.film(film, 0, new FilmCreated(film, word(random) + " " + word(random) + " " + i,
                    "A film about the " + word(random) + " and the " + word(random), null, random.nextInt(100) / 10.0,
                    FilmType.MOVIE, List.of(), List.of(new Credit(persons.get(random.nextInt(40)), CreditRole.ACTOR),
                    new Credit(persons.get(random.nextInt(40)), CreditRole.DIRECTOR))));
        }
        long token = last;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> mvc.perform(get("/movies/api/v1/genres")
                .header(ConsistencyInterceptor.HEADER, token)).andExpect(status().isOk()));

        long[] misses = measure(200, i -> WORDS.get(i % WORDS.size()) + " " + typo(WORDS.get((i * 7) % WORDS.size()))
                + " " + i);                                                     // distinct: answered by Elasticsearch
        long[] hits = measure(200, i -> WORDS.get(i % WORDS.size()));          // repeated: answered from Redis
        log.info("film search over {} films, {} persons: uncached p50 {} ms p99 {} ms; cached p50 {} ms p99 {} ms",
                300, 40, millis(misses, 50), millis(misses, 99), millis(hits, 50), millis(hits, 99));
        assertThat(millis(misses, 99)).isLessThan(1000);
    }

    private long[] measure(int count, java.util.function.IntFunction<String> query) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            mvc.perform(get("/movies/api/v1/films/search").param("query", query.apply(i))).andExpect(status().isOk());
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double millis(long[] sorted, int percentile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return Math.round(sorted[index] / 10_000.0) / 100.0;
    }

    private static String word(Random random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    private static String typo(String word) {
        return word.substring(0, word.length() - 1) + "x";
    }
}
