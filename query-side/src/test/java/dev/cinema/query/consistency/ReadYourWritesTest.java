package dev.cinema.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cinema.contracts.catalog.person.PersonCreated;
import dev.cinema.contracts.catalog.person.PersonRenamed;
import dev.cinema.query.CatalogEvents;
import dev.cinema.query.QuerySideTest;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@QuerySideTest
class ReadYourWritesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestWithATokenAheadWaitsForTheProjectionThenShowsTheWrite() throws Exception {
        CatalogEvents events = new CatalogEvents(eventStore, jdbc);
        UUID person = UUID.randomUUID();
        long created = events.person(person, 0, new PersonCreated(person, "Before"));
        mvc.perform(get("/movies/api/v1/persons/{id}", person).header(ConsistencyInterceptor.HEADER, created))
                .andExpect(status().isOk()).andExpect(jsonPath("$.full_name").value("Before"));

        // The rename is written a moment after the request arrives carrying a token of a position still ahead.
        CompletableFuture<Long> rename = CompletableFuture.supplyAsync(
                () -> events.person(person, 1, new PersonRenamed(person, "After")),
                CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
        long ahead = created + 1;
        long started = System.nanoTime();
        mvc.perform(get("/movies/api/v1/persons/{id}", person).header(ConsistencyInterceptor.HEADER, ahead))
                .andExpect(status().isOk()).andExpect(jsonPath("$.full_name").value("After"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(600);
        assertThat(rename.get()).isGreaterThanOrEqualTo(ahead);
    }

    @Test
    void aTokenNeverReachedIsA503WithRetryAfter() throws Exception {
        long started = System.nanoTime();
        mvc.perform(get("/movies/api/v1/genres").header(ConsistencyInterceptor.HEADER, Long.MAX_VALUE / 2))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.status").value(503));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(1900L, 4000L);
    }

    @Test
    void aMalformedTokenIsA422NamingTheHeader() throws Exception {
        mvc.perform(get("/movies/api/v1/genres").header(ConsistencyInterceptor.HEADER, "soon"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value(ConsistencyInterceptor.HEADER));
    }
}
