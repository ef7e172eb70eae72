package dev.cinema.ugc.projection;

import dev.cinema.contracts.ugc.UserActivity;
import dev.cinema.ugc.kafka.ActivityCodec;
import dev.cinema.ugc.kafka.ActivityCodec.UndecodableActivityException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Projects the UGC topic into ClickHouse, one poll at a time: a poll returns up to 10,000 records or what arrived
 * within about a second ({@code spring.kafka.consumer.max-poll-records}, {@code fetch-min-size},
 * {@code fetch-max-wait}), and becomes one INSERT. The offsets are committed after this method returns (ack mode
 * BATCH, auto-commit off), i.e. only once ClickHouse has acknowledged the insert. When the insert fails, the
 * error handler ({@link ProjectionConfig}) pauses the partitions and hands this same batch back, with backoff and
 * without limit, so ClickHouse being down or slow delays the projection but loses and skips nothing.
 *
 * <p>Records that are not events go to the dead-letter topic with the reason in their headers; that happens after
 * the insert, so that a batch retried for ClickHouse's sake does not dead-letter them twice.
 */
@Component
public class ActivityProjector {

    private static final Logger log = LoggerFactory.getLogger(ActivityProjector.class);

    private final ActivityCodec codec;
    private final ActivityRows rows;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final ProjectionStatus status;

    public ActivityProjector(ActivityCodec codec, ActivityRows rows, DeadLetterPublishingRecoverer deadLetters,
                             ProjectionStatus status) {
        this.codec = codec;
        this.rows = rows;
        this.deadLetters = deadLetters;
        this.status = status;
    }

    /** The listener container's id; its consumer group is {@code spring.kafka.consumer.group-id}. */
    public static final String LISTENER_ID = "ugc-projection";

    // idIsGroup = false: otherwise the id would be the group, whatever spring.kafka.consumer.group-id says.
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${ugc.kafka.topic}", batch = "true")
    public void project(List<ConsumerRecord<String, byte[]>> records) {
        List<UserActivity> events = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> undecodable = new ArrayList<>();
        List<Exception> reasons = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(codec.decode(record));
            } catch (UndecodableActivityException e) {
                undecodable.add(record);
                reasons.add(e);
            }
        }
        try {
            rows.insert(events);
            for (int i = 0; i < undecodable.size(); i++) {
                ConsumerRecord<String, byte[]> record = undecodable.get(i);
                log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        reasons.get(i).getMessage());
                deadLetters.accept(record, reasons.get(i)); // waits for the broker's ack; a failure retries the batch
            }
        } catch (RuntimeException e) {
            status.failed(e);
            throw e;
        }
        status.succeeded();
        log.debug("Projected {} event(s) from {} record(s)", events.size(), records.size());
    }
}
