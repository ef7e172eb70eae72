package dev.cinema.ugc.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cinema.contracts.ugc.UserActivity;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * The wire format of the UGC topic: one JSON object per event, snake_case fields, ISO-8601 instants, and the
 * event's {@code type} in the object (readable in a console consumer and in the dead-letter topic). Fixed here
 * rather than inherited from the application's web ObjectMapper, so a change to the REST JSON cannot change it.
 */
@Component
public class ActivityCodec {

    private final ObjectMapper json;

    public ActivityCodec(ObjectMapper applicationMapper) {
        this.json = applicationMapper.copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A missing number must not silently become 0.
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public byte[] encode(UserActivity event) {
        ObjectNode node = json.valueToTree(event);
        node.put("type", event.type());
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event, e);
        }
    }

    /** @throws UndecodableActivityException when the bytes are not an event of a known type with all its fields */
    public UserActivity decode(byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            String type = node == null ? null : node.path("type").asText(null);
            Class<? extends UserActivity> kind = type == null ? null : UserActivity.TYPES.get(type);
            if (kind == null) {
                throw new UndecodableActivityException("unknown or missing type: " + type);
            }
            UserActivity event = json.treeToValue(node, kind);
            if (event.eventId() == null || event.userId() == null || event.filmId() == null || event.occurredAt() == null) {
                throw new UndecodableActivityException("event_id, user_id, film_id and occurred_at are required");
            }
            return event;
        } catch (IOException | IllegalArgumentException e) {
            throw new UndecodableActivityException(e.getMessage(), e);
        }
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
