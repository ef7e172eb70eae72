package dev.cinema.ugc.ingest;

import dev.cinema.contracts.ugc.UserActivity;
import dev.cinema.ugc.BackgroundRetry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Publishes accepted events as Axon event messages on the ingest's event bus, whose only subscriber is the Axon
 * Kafka extension's publisher ({@link EventPublishingConfig}): one record per event on the UGC topic, keyed by user
 * (one user's events stay in order on one partition). It returns only once the broker has acknowledged every one of
 * them, so a 202 means "durably in Kafka". When one fails, the caller gets {@link PublishFailedException} (503) and
 * retries the whole request: events it repeats keep their ids, so the projection counts them once.
 *
 * <p>The request's W3C trace context goes into every event's metadata, injected once per request (a span per
 * record measured as the largest cost of a 1,000-event request); the codec writes it as {@code traceparent}.
 */
@Component
public class ActivityPublisher {

    private final EventBus eventBus;
    private final Tracer tracer;
    private final Propagator propagator;

    public ActivityPublisher(EventBus ingestEventBus, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.eventBus = ingestEventBus;
        // Absent when tracing is switched off (management.tracing.enabled=false): then no trace metadata.
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    public void publish(List<UserActivity> events) {
        MetaData trace = traceContext();
        List<EventMessage<?>> messages = events.stream()
                .<EventMessage<?>>map(event -> GenericEventMessage.asEventMessage(event).andMetaData(trace))
                .toList();
        // The bus hands the events to its subscribers when the unit of work commits; the Kafka publisher waits for
        // each acknowledgement there, and a failure makes commit() roll back and throw.
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            eventBus.publish(messages);
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        try {
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (isKafkaFailure(e)) {
                throw new PublishFailedException(e);
            }
            throw e;
        }
    }

    private MetaData traceContext() {
        Map<String, String> fields = new HashMap<>();
        TraceContext current = tracer.currentTraceContext().context();
        if (current != null) {
            propagator.inject(current, fields, Map::put);
        }
        return MetaData.from(fields);
    }

    private static boolean isKafkaFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EventPublicationFailedException || cause instanceof KafkaException) {
                return true;
            }
        }
        return false;
    }

    /** Kafka did not acknowledge every event in time: answered 503, the client retries. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(Throwable cause) {
            super("Kafka did not acknowledge the events: " + BackgroundRetry.describe(cause), cause);
        }
    }
}
