package dev.cinema.command.eventstore;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells a client what its command wrote: the aggregate's new version (the sequence number of its last
 * event, used with If-Match) and the consistency token (the global position of that event, which the
 * query side can wait for to read its own writes).
 */
@Component
public class WrittenEvents {

    public static final String CONSISTENCY_TOKEN_HEADER = "X-Consistency-Token";

    private final JdbcTemplate jdbc;

    WrittenEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Receipt(UUID id, long version, long position) {

        /** Answers with the receipt as body, the version as ETag and the position as consistency token. */
        public ResponseEntity<Receipt> toResponse(ResponseEntity.BodyBuilder builder) {
            return builder
                    .eTag(Long.toString(version))
                    .header(CONSISTENCY_TOKEN_HEADER, Long.toString(position))
                    .body(this);
        }
    }

    public Receipt receiptFor(UUID aggregateId) {
        return jdbc.queryForObject("""
                        SELECT sequence_number, global_index FROM domain_event_entry
                        WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""",
                (row, i) -> new Receipt(aggregateId, row.getLong(1), row.getLong(2)),
                aggregateId.toString());
    }
}
