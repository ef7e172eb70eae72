package dev.cinema.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.cinema.contracts.catalog.film.FilmCreated;
import dev.cinema.contracts.catalog.film.FilmRetitled;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.query.CatalogEvents;
import dev.cinema.query.QuerySideTest;
import dev.cinema.query.catalog.film.FilmDocument;
import dev.cinema.query.search.SearchIndices;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A malformed event is parked with its cause, its aggregate's later events wait behind it, the rest goes on. */
@QuerySideTest
class DeadLetterTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    SearchIndices indices;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theCatalogueProcessorIsPooledWithAJpaDeadLetterQueue() {
        assertThat(processing.eventProcessorByProcessingGroup(CatalogProcessing.GROUP))
                .get().isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.deadLetterQueue(CatalogProcessing.GROUP))
                .get().isInstanceOf(JpaSequencedDeadLetterQueue.class);
    }

    @Test
    void aFailingEventIsParkedAndLaterEventsOfItsFilmQueueBehindIt() throws Exception {
        CatalogEvents events = new CatalogEvents(eventStore, jdbc);
        UUID broken = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        events.film(broken, 0, new FilmCreated(broken, " ", null, null, null, FilmType.MOVIE, List.of(), List.of()));
        events.film(broken, 1, new FilmRetitled(broken, "Fixed later"));
        events.film(healthy, 0, new FilmCreated(healthy, "Healthy", null, null, null, FilmType.MOVIE, List.of(), List.of()));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<String> parked = jdbc.sql("""
                            SELECT payload_type || ' ' || coalesce(cause_type, '-') FROM dead_letter_entry
                            WHERE processing_group = ? AND sequence_identifier = ? ORDER BY sequence_index""")
                    .params(CatalogProcessing.GROUP, broken.toString()).query(String.class).list();
            assertThat(parked).containsExactly(
                    FilmCreated.class.getName() + " " + IllegalArgumentException.class.getName(),
                    FilmRetitled.class.getName() + " -");
            assertThat(exists(healthy)).isTrue();
        });
        assertThat(exists(broken)).isFalse();
    }

    @Test
    void aFailingWriteToElasticsearchIsRetriedUntilItWorksAndNothingIsParked() throws Exception {
        // Elasticsearch refusing the batch's writes (here: the alias gone) fails the batch, not an event.
        String alias = indices.alias(FilmDocument.INDEX);
        // The index the alias points at now (a reindex moves it to a later version).
        String concrete = client.indices().getAlias(a -> a.name(alias)).result().keySet().iterator().next();
        client.indices().deleteAlias(d -> d.index(concrete).name(alias));
        UUID film = UUID.randomUUID();
        try {
            new CatalogEvents(eventStore, jdbc).film(film, 0,
                    new FilmCreated(film, "Retried", null, null, null, FilmType.MOVIE, List.of(), List.of()));
            Thread.sleep(3000);
        } finally {
            client.indices().putAlias(a -> a.index(concrete).name(alias).isWriteIndex(true));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> exists(film));
        assertThat(jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE sequence_identifier = ?")
                .param(film.toString()).query(Long.class).single()).isZero();
    }

    private boolean exists(UUID film) throws java.io.IOException {
        return client.exists(e -> e.index(indices.alias(FilmDocument.INDEX)).id(film.toString())).value();
    }
}
