package dev.cinema.ugc.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cinema.contracts.ugc.UserActivity;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.HeaderUtils;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.Headers;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The wire format of the UGC topic, written by the Axon Kafka extension's publisher and read by the projection:
 * the extension's {@link DefaultKafkaMessageConverter} with Axon's Jackson serializer. A record's value is the event
 * as JSON (snake_case fields, ISO-8601 instants); its headers carry the Axon message id, timestamp and payload type
 * ({@code axon-message-type}: the event's class in api-contracts) and the event's metadata; its key is the user.
 * The serializer's mapper is fixed here rather than inherited as is from the web ObjectMapper, so a change to the
 * REST JSON cannot change the topic's format.
 *
 * <p>Trace context travels as metadata and is written under its W3C header names ({@code traceparent},
 * {@code tracestate}) instead of {@code axon-metadata-traceparent}, so that any W3C-aware Kafka consumer
 * continues the ingest request's trace.
 */
@Component
public class ActivityCodec {

    private static final Set<String> EVENT_CLASSES = UserActivity.TYPES.values().stream().map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());

    private final JacksonSerializer serializer;
    private final DefaultKafkaMessageConverter converter;

    public ActivityCodec(ObjectMapper applicationMapper, ObjectProvider<Propagator> propagator) {
        ObjectMapper json = applicationMapper.copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A missing number must not silently become 0.
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Set<String> traceFields = Set.copyOf(propagator.getIfAvailable(() -> Propagator.NOOP).fields());
        this.serializer = JacksonSerializer.builder().objectMapper(json).build();
        this.converter = DefaultKafkaMessageConverter.builder()
                .serializer(serializer)
                // The record key: one user's events stay in order on one partition.
                .sequencingPolicy(event -> event.getPayload() instanceof UserActivity activity ? activity.userId() : null)
                .headerValueMapper(traceHeadersUnderTheirOwnNames(traceFields))
                .build();
    }

    /** The payload and metadata serializer of {@link #converter()}. */
    public Serializer serializer() {
        return serializer;
    }

    /** What the publisher converts event messages with. */
    public KafkaMessageConverter<String, byte[]> converter() {
        return converter;
    }

    /**
     * Trace context under its W3C header names, everything else the extension's way ({@code axon-metadata-<key>}).
     */
    private static BiFunction<String, Object, RecordHeader> traceHeadersUnderTheirOwnNames(Set<String> traceFields) {
        BiFunction<String, Object, RecordHeader> axonHeaders = HeaderUtils.byteMapper();
        List<String> traceKeys = traceFields.stream().map(HeaderUtils::generateMetadataKey).toList();
        return (key, value) -> axonHeaders.apply(traceKeys.contains(key) ? HeaderUtils.extractKey(key) : key, value);
    }

    /** @throws UndecodableActivityException when the record is not an event of a known type with all its fields */
    public UserActivity decode(ConsumerRecord<String, byte[]> record) {
        EventMessage<?> message = converter.readKafkaMessage(record).orElseThrow(() ->
                new UndecodableActivityException("not an Axon event message (headers axon-message-id, -type, "
                        + "-timestamp required)"));
        String type = HeaderUtils.valueAsString(record.headers(), Headers.MESSAGE_TYPE);
        // Only the event classes are ever instantiated from a record, never whatever class a header names.
        if (!EVENT_CLASSES.contains(type)) {
            throw new UndecodableActivityException("not a user-activity event: " + type);
        }
        Object payload;
        try {
            payload = message.getPayload();
        } catch (RuntimeException e) { // SerializationException mostly; deserialising is pure, so any failure is the record's
            throw new UndecodableActivityException("payload unreadable as " + type + ": " + e.getMessage(), e);
        }
        if (!(payload instanceof UserActivity event)) {
            throw new UndecodableActivityException("not a user-activity event: " + type);
        }
        if (event.eventId() == null || event.userId() == null || event.filmId() == null || event.occurredAt() == null) {
            throw new UndecodableActivityException("event_id, user_id, film_id and occurred_at are required");
        }
        return event;
    }

    /** A record on the topic that is not a user-activity event: it goes to the dead-letter topic. */
    public static class UndecodableActivityException extends RuntimeException {
        UndecodableActivityException(String message) {
            super(message);
        }

        UndecodableActivityException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
