package dev.cinema.kit.operations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * An event a processor could not handle and parked instead of skipping, the same shape in every app.
 *
 * @param id          the dead letter's id, used to retry or evict it
 * @param group       the processing group (or consumer group) it belongs to
 * @param sequence    the sequence it blocks (aggregate id, or Kafka key), or null
 * @param messageType the event's type
 * @param messageId   the event's id
 * @param cause       the failure, as {@code ExceptionClass: message}
 * @param enqueuedAt  when it was parked
 * @param lastTouched when it was last retried
 * @param diagnostics what else the processor recorded (retry count, partition/offset, ...)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeadLetterView(String id, String group, String sequence, String messageType, String messageId,
                             String cause, Instant enqueuedAt, Instant lastTouched, Map<String, Object> diagnostics) {
}
