package dev.cinema.query.catalog.reindex;

import dev.cinema.query.catalog.CatalogProcessing;
import dev.cinema.query.catalog.CatalogProjection;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reindex's own event processor, {@value #NAME}: a pooled streaming processor over the event store, built for
 * one job's {@link CatalogProjection} (its target: the new index versions and the replay's lookup tables), its
 * tokens in the token store under its own name. Axon's configuration starts every processor it knows at startup,
 * and this one must run only while a job does, for that job's target, on the instance holding the job: so it is
 * built here, at run time, rather than registered with the configuration. Like the live processor it sequences per
 * aggregate and parks deterministic failures (an event the live projection parked too) in its own dead-letter
 * group, so one malformed event in history does not stall the replay.
 */
@Component
class ReplayProcessor {

    static final String NAME = "catalog-reindex";
    private static final Logger log = LoggerFactory.getLogger(ReplayProcessor.class);

    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final SequencedDeadLetterQueue<EventMessage<?>> deadLetters;
    private final ReindexProperties properties;
    private final JdbcClient jdbc;

    private PooledStreamingEventProcessor processor;
    private ScheduledExecutorService coordinator;
    private ScheduledExecutorService workers;

    ReplayProcessor(EventStore eventStore, TokenStore tokenStore, TransactionManager transactions,
                    EntityManagerProvider entityManagers, @Qualifier("serializer") Serializer serializer,
                    @Qualifier("eventSerializer") Serializer eventSerializer, ReindexProperties properties,
                    JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.properties = properties;
        this.deadLetters = JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(NAME)
                .entityManagerProvider(entityManagers)
                .transactionManager(transactions)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    /** Starts processing into {@code projection} from the stored tokens (which the job initialised). */
    synchronized void start(CatalogProjection projection) {
        if (processor != null) {
            throw new IllegalStateException("The replay processor is running already");
        }
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(projection.eventHandlers())
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                .queue(deadLetters)
                .enqueuePolicy(CatalogProcessing.parkDeterministicFailures())
                .transactionManager(transactions)
                .enableSequenceIdentifierCache()
                .build();
        coordinator = Executors.newSingleThreadScheduledExecutor(threads(NAME + "-coordinator"));
        workers = Executors.newScheduledThreadPool(properties.segments(), threads(NAME + "-worker"));
        processor = PooledStreamingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(invoker)
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(transactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(properties.segments())
                .maxClaimedSegments(properties.segments())
                .batchSize(properties.batchSize())
                // Idle segments store their advanced tokens soon, so "caught up" is seen soon after it happens.
                .claimExtensionThreshold(300)
                .build();
        processor.start();
        log.info("Started {} ({} segments, batches of {})", NAME, properties.segments(), properties.batchSize());
    }

    /** Stops processing and waits for the batches in flight to finish; their tokens stay for a later start. */
    synchronized void stop() {
        if (processor == null) {
            return;
        }
        try {
            processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("{} did not stop cleanly: {}", NAME, e.toString());
        } finally {
            shutDown(coordinator);
            shutDown(workers);
            processor = null;
            log.info("Stopped {}", NAME);
        }
    }

    /** The processor, while it runs on this instance. */
    synchronized Optional<StreamingEventProcessor> running() {
        return Optional.ofNullable(processor);
    }

    /** Creates the processor's segments with tokens that replay the event store from its start. */
    void initialiseTokens() {
        transactions.executeInTransaction(() -> {
            deleteTokens();
            tokenStore.initializeTokenSegments(NAME, properties.segments(),
                    ReplayToken.createReplayToken(eventStore.createHeadToken(), null));
        });
    }

    /** Forgets the processor: its tokens and its dead letters (the live group keeps its own). */
    void discard() {
        transactions.executeInTransaction(this::deleteTokens);
        deadLetters.clear();
    }

    /** Whatever their claims: a job's processor left behind by a dead instance still holds its segments' claims. */
    private void deleteTokens() {
        jdbc.sql("DELETE FROM token_entry WHERE processor_name = ?").param(NAME).update();
    }

    long deadLetterCount() {
        return deadLetters.size();
    }

    private static void shutDown(ExecutorService executor) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
