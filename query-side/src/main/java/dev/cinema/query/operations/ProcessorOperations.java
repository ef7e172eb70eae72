package dev.cinema.query.operations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.kit.operations.DeadLetterView;
import dev.cinema.kit.operations.Operations;
import dev.cinema.kit.operations.ProcessorView;
import dev.cinema.kit.operations.ProcessorView.SegmentView;
import dev.cinema.query.catalog.CatalogProcessing;
import dev.cinema.query.catalog.reindex.ReindexRunner;
import dev.cinema.query.consistency.ProcessorPositions;
import dev.cinema.query.consistency.ProcessorPositions.SegmentToken;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * query-side's event processors for operators (served by the kit's operations API): the live catalogue processor
 * and, while a reindex runs, its replay processor; and the catalogue's dead letters.
 *
 * <p>Segments come from the token store, so every segment shows with its owner whichever instance claims it; the
 * status this instance knows of the segments it processes (replaying, error) is added to them. Positions are global
 * event-store positions; every segment reads the whole stream, so a segment's lag is the head minus its position,
 * and the processor's lag is its slowest segment's.
 *
 * <p>Dead letters are listed and counted straight from the queue's table (a page is one query); retrying goes
 * through Axon's dead-letter processor, which hands the letter's sequence to the projection again in order, and
 * evicting through the queue.
 */
@Component
class ProcessorOperations implements Operations {

    private static final Logger log = LoggerFactory.getLogger(ProcessorOperations.class);
    private static final String KIND = "axon-pooled-streaming";

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final ReindexRunner reindex;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ProcessorOperations(EventProcessingConfiguration processing, ProcessorPositions positions, ReindexRunner reindex,
                        JdbcClient jdbc, ObjectMapper json) {
        this.processing = processing;
        this.positions = positions;
        this.reindex = reindex;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<ProcessorView> processors() {
        long head = positions.head();
        List<ProcessorView> views = new ArrayList<>();
        StreamingEventProcessor catalog = processing
                .eventProcessorByProcessingGroup(CatalogProcessing.GROUP, StreamingEventProcessor.class).orElseThrow();
        views.add(view(catalog.getName(), Optional.of(catalog), head));
        String replay = ReindexRunner.replayProcessorName();
        Optional<StreamingEventProcessor> replayHere = reindex.replayProcessorHere();
        if (replayHere.isPresent() || !positions.segments(replay).isEmpty()) {
            views.add(view(replay, replayHere, head));
        }
        return views;
    }

    private ProcessorView view(String name, Optional<StreamingEventProcessor> here, long head) {
        Map<Integer, EventTrackerStatus> local = here.map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        List<SegmentView> segments = new ArrayList<>();
        for (SegmentToken token : positions.segments(name)) {
            EventTrackerStatus status = local.get(token.segment());
            Long position = status != null && status.getCurrentPosition().isPresent()
                    ? Long.valueOf(status.getCurrentPosition().getAsLong())
                    : token.position().isPresent() ? Long.valueOf(token.position().getAsLong()) : null;
            long lag = Math.max(0, head - (position == null ? -1 : position));
            boolean replaying = status != null ? status.isReplaying() : token.replaying();
            String error = status != null && status.isErrorState() ? describe(status.getError()) : null;
            segments.add(new SegmentView(token.segment(), token.owner(), position, lag, replaying, error));
        }
        boolean running = here.map(StreamingEventProcessor::isRunning).orElse(false);
        String error = here.filter(StreamingEventProcessor::isError).map(p -> segments.stream()
                .map(SegmentView::error).filter(e -> e != null).findFirst().orElse("in error")).orElse(null);
        return new ProcessorView(name, KIND, running, segments.stream().anyMatch(SegmentView::replaying), head,
                segments.stream().mapToLong(SegmentView::lag).max().orElse(0), error, segments);
    }

    @Override
    public List<String> deadLetterGroups() {
        return List.of(CatalogProcessing.GROUP);
    }

    @Override
    public List<DeadLetterView> deadLetters(String group, int offset, int limit) {
        return jdbc.sql("""
                        SELECT dead_letter_id, processing_group, sequence_identifier, payload_type, event_identifier,
                               cause_type, cause_message, enqueued_at, last_touched, diagnostics
                        FROM dead_letter_entry WHERE processing_group = ?
                        ORDER BY enqueued_at, sequence_identifier, sequence_index OFFSET ? LIMIT ?""")
                .params(group, offset, limit)
                .query((row, i) -> deadLetter(row)).list();
    }

    @Override
    public long deadLetterCount(String group) {
        return jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?").param(group)
                .query(Long.class).single();
    }

    @Override
    public boolean retry(String group, String id) {
        // Axon hands a whole sequence back, from its first letter: a letter queued behind another waits for it.
        boolean retried = deadLetterProcessor(group).process(letter -> id.equals(idOf(letter)));
        log.info("Retried dead letter {} of {}: {}", id, group, retried ? "handled" : "still failing or not first");
        return retried;
    }

    @Override
    public RetryOutcome retryAll(String group) {
        long before = deadLetterCount(group);
        List<String> firstLetters = jdbc.sql("""
                        SELECT DISTINCT ON (sequence_identifier) dead_letter_id FROM dead_letter_entry
                        WHERE processing_group = ? ORDER BY sequence_identifier, sequence_index""")
                .param(group).query(String.class).list();
        SequencedDeadLetterProcessor<EventMessage<?>> processor = deadLetterProcessor(group);
        for (String id : firstLetters) {
            processor.process(letter -> id.equals(idOf(letter)));
        }
        long after = deadLetterCount(group);
        log.info("Retried the dead letters of {}: {} handled, {} still parked", group, before - after, after);
        return new RetryOutcome((int) Math.max(0, before - after), (int) after);
    }

    @Override
    public boolean evict(String group, String id) {
        Optional<String> sequence = jdbc.sql("""
                        SELECT sequence_identifier FROM dead_letter_entry
                        WHERE processing_group = ? AND dead_letter_id = ?""")
                .params(group, id).query(String.class).optional();
        if (sequence.isEmpty()) {
            return false;
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group).orElseThrow();
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence.get())) {
            if (id.equals(idOf(letter))) {
                queue.evict(letter);
                log.info("Evicted dead letter {} of {} ({})", id, group, letter.message().getPayloadType().getName());
                return true;
            }
        }
        return false;
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> deadLetterProcessor(String group) {
        return processing.sequencedDeadLetterProcessor(group).orElseThrow();
    }

    private static String idOf(DeadLetter<?> letter) {
        return letter instanceof JpaDeadLetter<?> jpa ? jpa.getId() : null;
    }

    private DeadLetterView deadLetter(ResultSet row) throws SQLException {
        String causeType = row.getString("cause_type");
        String cause = causeType == null ? null
                : row.getString("cause_message") == null ? causeType : causeType + ": " + row.getString("cause_message");
        Timestamp lastTouched = row.getTimestamp("last_touched");
        return new DeadLetterView(row.getString("dead_letter_id"), row.getString("processing_group"),
                row.getString("sequence_identifier"), row.getString("payload_type"), row.getString("event_identifier"),
                cause, row.getTimestamp("enqueued_at").toInstant(), lastTouched == null ? null : lastTouched.toInstant(),
                diagnostics(row.getBytes("diagnostics")));
    }

    private Map<String, Object> diagnostics(byte[] serialized) {
        if (serialized == null || serialized.length == 0) {
            return Map.of();
        }
        try {
            return json.readValue(serialized, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            return Map.of("unreadable", e.getMessage());
        }
    }

    private static String describe(Throwable error) {
        return error == null ? "in error" : error.getClass().getName() + ": " + error.getMessage();
    }
}
