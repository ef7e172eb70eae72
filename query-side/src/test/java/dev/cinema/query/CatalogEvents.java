package dev.cinema.query;

import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for command-side: appends catalogue events to the shared event store, where the processor picks
 * them up, and tells the global position of what it appended (the consistency token command-side would answer).
 */
public class CatalogEvents {

    private final EventStore eventStore;
    private final JdbcClient jdbc;

    public CatalogEvents(EventStore eventStore, JdbcClient jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Appends {@code event} as event {@code seq} of the aggregate and returns its global position. */
    public long publish(String aggregateType, UUID aggregateId, long seq, Object event) {
        GenericDomainEventMessage<Object> message =
                new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), seq, event);
        eventStore.publish(message);
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
                .param(message.getIdentifier()).query(Long.class).single();
    }

    public long film(UUID id, long seq, Object event) {
        return publish("Film", id, seq, event);
    }

    public long person(UUID id, long seq, Object event) {
        return publish("Person", id, seq, event);
    }

    public long genre(UUID id, long seq, Object event) {
        return publish("Genre", id, seq, event);
    }
}
