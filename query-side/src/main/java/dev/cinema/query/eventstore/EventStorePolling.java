package dev.cinema.query.eventstore;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The event stream of the catalogue processor ({@code axon.eventhandling.processors.catalog.source}): the same
 * event store, read again {@code cinema.projection.fetch-delay} after it was found caught up instead of Axon's one
 * second. The events are written by command-side, another process, so nothing wakes the reader earlier; with one
 * second a command became visible here 0.5 to 1 s after it was written (make bench: projection delay p50 about
 * 1 s). An idle read is one indexed query on {@code domain_event_entry}.
 *
 * <p>Only a message source, not an event store bean: another {@code EventBus} or {@code EventStore} bean would
 * replace Axon's auto-configured event store (and its JPA storage engine) or make it ambiguous.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStorePolling {

    @Bean(destroyMethod = "shutDown")
    CatalogEventSource catalogEventSource(EventStorageEngine storageEngine, Configuration configuration,
                                          @Value("${cinema.projection.fetch-delay:100ms}") Duration fetchDelay) {
        return new CatalogEventSource(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "catalogEventSource"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build());
    }

    /** The event store's streaming side only. */
    public static final class CatalogEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final EmbeddedEventStore store;

        CatalogEventSource(EmbeddedEventStore store) {
            this.store = store;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return store.openStream(trackingToken);
        }

        @Override
        public TrackingToken createTailToken() {
            return store.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return store.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return store.createTokenAt(dateTime);
        }

        @Override
        public TrackingToken createTokenSince(Duration duration) {
            return store.createTokenSince(duration);
        }

        public void shutDown() {
            store.shutDown();
        }
    }
}
