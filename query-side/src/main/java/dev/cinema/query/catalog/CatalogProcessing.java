package dev.cinema.query.catalog;

import dev.cinema.query.catalog.film.FilmDocument;
import dev.cinema.query.catalog.genre.GenreDocument;
import dev.cinema.query.catalog.person.PersonDocument;
import dev.cinema.query.search.SearchIndex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.cinema.query.search.SearchIndices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalogue projection: one processing group, {@value #GROUP}, for films, persons and genres (a pooled
 * streaming processor, {@code axon.eventhandling.processors.catalog}, its segments claimable by any instance).
 * Its handlers are those of the live {@link CatalogProjection}, registered here rather than found by a
 * {@code @ProcessingGroup} annotation: a reindex runs another instance of the same projectors for its own target.
 *
 * <p><b>Sequencing.</b> Events are sequenced per aggregate ({@link SequentialPerAggregatePolicy}): each film's,
 * person's and genre's events are handled in order, in one segment, while different aggregates go in parallel.
 * Effects across aggregates (a person renamed while a film crediting them is created in another segment) do not
 * depend on that order: documents are recomputed whole from the lookup state, and the write phases of batches
 * are serialised (see {@link CatalogDocuments}), so whichever batch writes last sees both facts and the result
 * converges.
 *
 * <p><b>Failures.</b> A handler's failure propagates (see {@code ProjectionErrorHandling}) to the sequenced
 * dead-letter queue ({@code axon.eventhandling.processors.catalog.dlq.enabled}, JPA, table
 * {@code query_side.dead_letter_entry}); this policy decides: a failure of the database (unreachable, deadlock,
 * serialisation) is transient and is rethrown, so the processor releases the segment and retries the batch with
 * backoff; anything else (a malformed event) is deterministic and the event is parked, and later events of the
 * same aggregate queue behind it, never skipped. Elasticsearch is written when the batch commits, outside the
 * handlers: when it is down the batch fails and is retried, and nothing is parked.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogProcessing {

    public static final String GROUP = "catalog";
    /** Key of the advisory lock that orders the live projection's write phases across threads and instances. */
    public static final long WRITE_LOCK = 0x63617461L; // "cata"
    private static final long TOKEN_INITIALISATION_LOCK = 0x746f6b656eL; // "token"
    private static final Logger log = LoggerFactory.getLogger(CatalogProcessing.class);

    /**
     * The live projection: the aliases clients read, the lookup tables of Flyway's schema (where this app's
     * migrations put them).
     */
    @Bean
    CatalogProjection liveCatalogProjection(JdbcClient jdbc, ElasticsearchClient client, SearchIndices indices,
                                            List<CatalogChangeListener> listeners,
                                            @Value("${spring.flyway.default-schema}") String schema) {
        Map<String, String> aliases = Stream.of(FilmDocument.INDEX, PersonDocument.INDEX, GenreDocument.INDEX)
                .collect(Collectors.toMap(SearchIndex::name, indices::alias));
        return new CatalogProjection(new CatalogTarget(GROUP, schema, aliases, WRITE_LOCK, true), jdbc, client,
                indices, listeners);
    }

    /**
     * @param idleTokenStore how soon a segment with no events of its own stores its advanced token (Axon's claim
     *     extension threshold, 5 s by default). A consistency token waits for every segment, and most events
     *     belong to other segments than the one being waited for, so this bounds read-your-writes latency.
     */
    @Bean
    ConfigurerModule catalogProcessingGroup(ObjectProvider<CatalogProjection> live,
            @Value("${cinema.projection.idle-token-store:300ms}") Duration idleTokenStore) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (int i = 0; i < CatalogProjection.HANDLER_TYPES.size(); i++) {
                int handler = i;
                processing.registerEventHandler(config -> live.getObject().eventHandlers().get(handler));
            }
            processing.assignHandlerTypesMatching(GROUP, CatalogProjection.HANDLER_TYPES::contains)
                .registerSequencingPolicy(GROUP, config -> SequentialPerAggregatePolicy.instance())
                .registerDeadLetterPolicy(GROUP, config -> parkDeterministicFailures())
                .registerPooledStreamingEventProcessorConfiguration(GROUP, (config, builder) ->
                        builder.claimExtensionThreshold(idleTokenStore.toMillis()));
        });
    }

    /**
     * Creates the processor's segments before it starts, one instance at a time. Left to the processor, two
     * instances starting together on an empty token store both insert the segments; the loser's duplicate-key
     * error marks its JPA transaction rollback-only and fails its startup. Here the first instance (under an
     * advisory lock) initialises them as Axon would (a replay token from the tail), and the others find them.
     */
    @Bean
    ConfigurerModule catalogTokenInitialisation(ObjectProvider<TokenStore> tokenStore,
                                                ObjectProvider<EventStore> eventStore,
                                                ObjectProvider<TransactionManager> transactions, JdbcClient jdbc,
                                                @Value("${axon.eventhandling.processors.catalog.initial-segment-count:4}") int segments) {
        return configurer -> configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () ->
                transactions.getObject().executeInTransaction(() -> {
                    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(TOKEN_INITIALISATION_LOCK).query().listOfRows();
                    TokenStore store = tokenStore.getObject();
                    if (store.fetchSegments(GROUP).length == 0) {
                        EventStore source = eventStore.getObject();
                        store.initializeTokenSegments(GROUP, segments,
                                ReplayToken.createReplayToken(source.createHeadToken(), source.createTailToken()));
                    }
                }));
    }

    public static EnqueuePolicy<EventMessage<?>> parkDeterministicFailures() {
        return (letter, cause) -> {
            if (cause instanceof DataAccessException transientFailure) {
                throw transientFailure;
            }
            log.warn("Parking event {} ({}): {}", letter.message().getIdentifier(),
                    letter.message().getPayloadType().getSimpleName(), cause.toString());
            return Decisions.enqueue(cause);
        };
    }

    @Bean
    SearchIndex filmsIndex() {
        return FilmDocument.INDEX;
    }

    @Bean
    SearchIndex personsIndex() {
        return PersonDocument.INDEX;
    }

    @Bean
    SearchIndex genresIndex() {
        return GenreDocument.INDEX;
    }
}
