package dev.cinema.query.catalog.genre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.contracts.catalog.genre.GenreDescriptionChanged;
import dev.cinema.query.CatalogEvents;
import dev.cinema.query.QuerySideTest;
import dev.cinema.query.catalog.CatalogProjection;
import dev.cinema.query.search.SearchIndices;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@QuerySideTest
class GenreProjectionTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CatalogProjection liveCatalogProjection;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    SearchIndices indices;
    @Autowired
    MockMvc mvc;

    @Test
    void aGenreCreatedInTheEventStoreBecomesReadable() {
        UUID id = UUID.randomUUID();
        String name = "Projected " + id;
        new CatalogEvents(eventStore, jdbc).genre(id, 0, new GenreCreated(id, name, "written by the test"));

        awaitReadable(id, name);
    }

    @Test
    void redeliveringEventsChangesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        String name = "Redelivered " + id;
        GenreCreated created = new GenreCreated(id, name, "original");
        GenreDescriptionChanged described = new GenreDescriptionChanged(id, "described");
        CatalogEvents events = new CatalogEvents(eventStore, jdbc);
        events.genre(id, 0, created);
        events.genre(id, 1, described);
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> document(id).source().description().equals("described"));
        GetResponse<GenreDocument> before = document(id);

        // The processor retrying after a crash delivers the same events again, in a batch of their own.
        redeliver(() -> {
            GenreProjector projector = liveCatalogProjection.eventHandlers().stream()
                    .filter(GenreProjector.class::isInstance).map(GenreProjector.class::cast).findFirst().orElseThrow();
            projector.on(created, 0);
            projector.on(new GenreCreated(id, "Stale " + id, "stale"), 0);
            projector.on(described, 1);
        });

        GetResponse<GenreDocument> after = document(id);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.source()).isEqualTo(before.source()).isEqualTo(new GenreDocument(id, name, "described"));
        mvc.perform(get("/movies/api/v1/genres/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name));
    }

    private void redeliver(Runnable handlers) {
        transaction.executeWithoutResult(status -> DefaultUnitOfWork
                .startAndGet(GenericEventMessage.asEventMessage("redelivery")).execute(handlers));
    }

    private void awaitReadable(UUID id, String name) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                mvc.perform(get("/movies/api/v1/genres/{id}", id))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.uuid").value(id.toString()))
                        .andExpect(jsonPath("$.name").value(name))
                        .andExpect(jsonPath("$.description").doesNotExist()));
    }

    private GetResponse<GenreDocument> document(UUID id) throws IOException {
        return client.get(g -> g.index(indices.alias(GenreDocument.INDEX)).id(id.toString()), GenreDocument.class);
    }
}
