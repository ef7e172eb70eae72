package dev.cinema.query.operations;

import static dev.cinema.query.AuthenticatedRequests.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.contracts.catalog.film.FilmRetitled;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.query.CatalogEvents;
import dev.cinema.query.QuerySideTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The operations API of query-side: its processors, and its dead letters listed, retried and evicted; admins only. */
@QuerySideTest
class OperationsApiTest {

    private static final String ADMIN = "/movies/api/v1/admin";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCatalogueProcessorShowsItsSegmentsWithOwnersPositionsAndLag() throws Exception {
        mvc.perform(get(ADMIN + "/processors").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("catalog"))
                .andExpect(jsonPath("$[0].kind").value("axon-pooled-streaming"))
                .andExpect(jsonPath("$[0].running").value(true))
                .andExpect(jsonPath("$[0].error").doesNotExist())
                .andExpect(jsonPath("$[0].segments.length()").value(4))
                .andExpect(jsonPath("$[0].segments[*].id", contains(0, 1, 2, 3)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String body = mvc.perform(get(ADMIN + "/processors").with(admin())).andReturn().getResponse()
                    .getContentAsString();
            long head = ((Number) JsonPath.read(body, "$[0].head")).longValue();
            List<Number> positions = JsonPath.read(body, "$[0].segments[*].position");
            assertThat(head).isPositive();
            assertThat(positions).allSatisfy(position -> assertThat(position.longValue()).isEqualTo(head));
            assertThat(((Number) JsonPath.read(body, "$[0].lag")).longValue()).isZero();
            List<String> owners = JsonPath.read(body, "$[0].segments[*].owner");
            assertThat(owners).doesNotContainNull();
        });
    }

    @Test
    void aParkedEventCanBeListedRetriedAndEvicted() throws Exception {
        CatalogEvents events = new CatalogEvents(eventStore, jdbc);
        UUID film = UUID.randomUUID();
        events.film(film, 0, new FilmCreated(film, " ", null, null, null, FilmType.MOVIE, List.of(), List.of()));
        events.film(film, 1, new FilmRetitled(film, "Queued behind"));
        await().atMost(Duration.ofSeconds(15)).until(() -> parked(film).size() == 2);
        List<String> letters = parked(film);

        mvc.perform(get(ADMIN + "/dead-letters").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", contains("catalog")));
        mvc.perform(get(ADMIN + "/dead-letters/catalog").param("limit", "500").with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().exists("X-Total-Count"))
                .andExpect(jsonPath("$[?(@.sequence == '" + film + "')].message_type",
                        contains(FilmCreated.class.getName(), FilmRetitled.class.getName())))
                .andExpect(jsonPath("$[?(@.id == '" + letters.get(0) + "')].cause",
                        hasItem(IllegalArgumentException.class.getName() + ": A film needs a title")));

        // The malformed event fails again; the one behind it cannot go before it.
        mvc.perform(post(ADMIN + "/dead-letters/catalog/" + letters.get(0) + "/retry").with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.retried").value(false));
        mvc.perform(post(ADMIN + "/dead-letters/catalog/" + letters.get(1) + "/retry").with(admin()))
                .andExpect(jsonPath("$.retried").value(false));
        assertThat(parked(film)).isEqualTo(letters);

        mvc.perform(delete(ADMIN + "/dead-letters/catalog/" + letters.get(0)).with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(delete(ADMIN + "/dead-letters/catalog/" + letters.get(0)).with(admin()))
                .andExpect(status().isNotFound());
        mvc.perform(post(ADMIN + "/dead-letters/catalog/" + letters.get(1) + "/retry").with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.retried").value(true));
        assertThat(parked(film)).isEmpty();
    }

    @Test
    void theOperationsApiIsForAdminsOnly() throws Exception {
        mvc.perform(get(ADMIN + "/processors")).andExpect(status().isForbidden());
        mvc.perform(get(ADMIN + "/dead-letters/catalog")).andExpect(status().isForbidden());
        mvc.perform(get(ADMIN + "/processors").with(anonymous())).andExpect(status().isUnauthorized());
    }

    private List<String> parked(UUID film) {
        return jdbc.sql("""
                        SELECT dead_letter_id FROM dead_letter_entry WHERE processing_group = 'catalog'
                        AND sequence_identifier = ? ORDER BY sequence_index""")
                .param(film.toString()).query(String.class).list();
    }
}
