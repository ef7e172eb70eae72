package dev.cinema.query.catalog.genre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.query.QuerySideTest;
import dev.cinema.query.search.SearchIndices;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@QuerySideTest
class GenreProjectionTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    GenreProjector projector;
    @Autowired
    EventProcessingConfiguration processing;
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
        publish(new GenreCreated(id, name, "written by the test"), 0);

        awaitReadable(id, name);
    }

    @Test
    void redeliveringAnEventChangesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        String name = "Redelivered " + id;
        GenreCreated event = new GenreCreated(id, name, "original");
        publish(event, 0);
        awaitReadable(id, name);
        GetResponse<GenreDocument> before = document(id);

        // The processor retrying after a crash delivers the same event again; a stale copy must not win either.
        projector.on(event, 0);
        projector.on(new GenreCreated(id, "Stale " + id, "stale"), 0);

        GetResponse<GenreDocument> after = document(id);
        assertThat(after.version()).isEqualTo(before.version()).isZero();
        assertThat(after.source()).isEqualTo(before.source()).isEqualTo(new GenreDocument(id, name, "original"));
        mvc.perform(get("/movies/api/v1/genres/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name));
    }

    @Test
    void aLaterSequenceNumberIsApplied() throws Exception {
        UUID id = UUID.randomUUID();
        projector.on(new GenreCreated(id, "First " + id, null), 0);
        projector.on(new GenreCreated(id, "Second " + id, null), 1);
        projector.on(new GenreCreated(id, "Stale " + id, null), 0);

        GetResponse<GenreDocument> stored = document(id);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.source()).isEqualTo(new GenreDocument(id, "Second " + id, null));
    }

    @Test
    void theGenresProcessorIsPooledAndPropagatesFailures() {
        assertThat(processing.eventProcessorByProcessingGroup(GenreProjector.PROCESSING_GROUP))
                .get().isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.listenerInvocationErrorHandler(GenreProjector.PROCESSING_GROUP))
                .isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.errorHandler(GenreProjector.PROCESSING_GROUP))
                .isInstanceOf(PropagatingErrorHandler.class);
    }

    private void publish(GenreCreated event, long sequenceNumber) {
        // Stands in for command-side: the event goes into the shared event store, the processor picks it up.
        eventStore.publish(new GenericDomainEventMessage<>("Genre", event.genreId().toString(), sequenceNumber, event));
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
