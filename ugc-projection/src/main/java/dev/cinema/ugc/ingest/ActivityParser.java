package dev.cinema.ugc.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.contracts.ugc.BookmarkAdded;
import dev.cinema.contracts.ugc.BookmarkRemoved;
import dev.cinema.contracts.ugc.RatingGiven;
import dev.cinema.contracts.ugc.UserActivity;
import dev.cinema.contracts.ugc.ViewProgressed;
import dev.cinema.kit.web.ProblemDetailsAdvice.FieldMessage;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns one posted JSON object into a {@link UserActivity}, or into the list of what is wrong with it, each
 * problem named by its JSON path ({@code [3].score}). Checked by hand rather than by Bean Validation on a DTO so
 * that a value of the wrong type is reported like any other bad value (422 with its path, all problems at once)
 * instead of failing the whole body's deserialisation.
 *
 * <p>Numbers may also come as numeric strings (the compatibility route reads query parameters). The user is never
 * taken from the body: it is the token's subject; a body that names another user is rejected.
 */
@Component
public class ActivityParser {

    static final int MAX_DURATION_S = 7 * 24 * 3600;
    /** Clocks of players drift; an event from further in the future is a bug or a forgery. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** ClickHouse partitions by month: refuse years-old events that would open ancient partitions. */
    static final Duration MAX_AGE = Duration.ofDays(366);

    private static final String KNOWN_TYPES = String.join(", ", UserActivity.TYPES.keySet().stream().sorted().toList());

    private final Clock clock;

    public ActivityParser(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param path              prefix of the field names in errors ({@code [3]} or {@code ""})
     * @param defaultOccurredAt used when {@code occurred_at} is absent; null makes it required
     * @return the event, or null when {@code errors} got entries
     */
    UserActivity parse(JsonNode node, UUID userId, String path, Instant defaultOccurredAt, List<FieldMessage> errors) {
        Fields fields = new Fields(node, path, errors);
        if (!node.isObject()) {
            errors.add(new FieldMessage(path.isEmpty() ? "body" : path, "must be a JSON object"));
            return null;
        }
        String type = fields.text("type", true);
        if (type != null && !UserActivity.TYPES.containsKey(type)) {
            errors.add(fields.error("type", "must be one of " + KNOWN_TYPES));
        }
        // Clients that retry send their own id (so the retry counts once); otherwise each post is a new event.
        UUID eventId = fields.uuid("event_id", false);
        eventId = eventId == null ? UUID.randomUUID() : eventId;
        UUID filmId = fields.uuid("film_id", true);
        UUID claimedUser = fields.uuid("user_id", false);
        if (claimedUser != null && !claimedUser.equals(userId)) {
            errors.add(fields.error("user_id", "must be absent or the signed-in user"));
        }
        Instant occurredAt = fields.instant("occurred_at", defaultOccurredAt);
        if (occurredAt != null) {
            Instant now = clock.instant();
            if (occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
                errors.add(fields.error("occurred_at", "must not be in the future"));
            } else if (occurredAt.isBefore(now.minus(MAX_AGE))) {
                errors.add(fields.error("occurred_at", "must be within the last " + MAX_AGE.toDays() + " days"));
            }
        }
        UserActivity event = switch (type == null ? "" : type) {
            case ViewProgressed.TYPE -> {
                Integer position = fields.integer("position_s", 0, MAX_DURATION_S);
                Integer duration = fields.integer("duration_s", 1, MAX_DURATION_S);
                if (position != null && duration != null && position > duration) {
                    errors.add(fields.error("position_s", "must not exceed duration_s"));
                }
                yield position == null || duration == null ? null
                        : new ViewProgressed(eventId, userId, filmId, occurredAt, position, duration);
            }
            case RatingGiven.TYPE -> {
                Integer score = fields.integer("score", 1, 10);
                yield score == null ? null : new RatingGiven(eventId, userId, filmId, occurredAt, score);
            }
            case BookmarkAdded.TYPE -> new BookmarkAdded(eventId, userId, filmId, occurredAt);
            case BookmarkRemoved.TYPE -> new BookmarkRemoved(eventId, userId, filmId, occurredAt);
            default -> null;
        };
        return fields.failed() ? null : event;
    }

    /** Reads the fields of one object, recording each problem under its path; a bad field reads as null. */
    private final class Fields {
        private final JsonNode node;
        private final String path;
        private final List<FieldMessage> errors;
        private final int errorsAtStart;

        Fields(JsonNode node, String path, List<FieldMessage> errors) {
            this.node = node;
            this.path = path;
            this.errors = errors;
            this.errorsAtStart = errors.size();
        }

        boolean failed() {
            return errors.size() > errorsAtStart;
        }

        FieldMessage error(String field, String message) {
            return new FieldMessage(path.isEmpty() ? field : path + "." + field, message);
        }

        private JsonNode present(String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    errors.add(error(field, "is required"));
                }
                return null;
            }
            return value;
        }

        String text(String field, boolean required) {
            JsonNode value = present(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                errors.add(error(field, "must be a non-empty string"));
                return null;
            }
            return value.asText();
        }

        UUID uuid(String field, boolean required) {
            String value = text(field, required);
            if (value == null) {
                return null;
            }
            try {
                UUID uuid = UUID.fromString(value);
                // UUID.fromString accepts abbreviated forms ("1-2-3-4-5"); only the canonical one is an id.
                if (uuid.toString().equalsIgnoreCase(value)) {
                    return uuid;
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            errors.add(error(field, "must be a UUID"));
            return null;
        }

        Integer integer(String field, int min, int max) {
            JsonNode value = present(field, true);
            if (value == null) {
                return null;
            }
            Long number = value.isIntegralNumber() ? Long.valueOf(value.asLong())
                    : value.isTextual() && value.asText().matches("-?\\d{1,12}") ? Long.valueOf(value.asText()) : null;
            if (number == null) {
                errors.add(error(field, "must be a whole number"));
                return null;
            }
            if (number < min || number > max) {
                errors.add(error(field, "must be between " + min + " and " + max));
                return null;
            }
            return number.intValue();
        }

        /** ISO-8601 with an offset ({@code 2026-11-27T21:00:00Z}) or epoch seconds. */
        Instant instant(String field, Instant fallback) {
            JsonNode value = present(field, fallback == null);
            if (value == null) {
                return fallback;
            }
            try {
                if (value.isNumber() || value.isTextual() && value.asText().matches("\\d{1,12}(\\.\\d+)?")) {
                    return Instant.ofEpochMilli(Math.round(Double.parseDouble(value.asText()) * 1000));
                }
                if (value.isTextual()) {
                    return Instant.parse(value.asText());
                }
            } catch (DateTimeException | NumberFormatException ignored) {
                // reported below
            }
            errors.add(error(field, "must be an ISO-8601 instant (2026-11-27T21:00:00Z) or epoch seconds"));
            return null;
        }
    }
}
