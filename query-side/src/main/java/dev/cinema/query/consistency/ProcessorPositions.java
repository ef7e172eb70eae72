package dev.cinema.query.consistency;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether processors have handled the event at a global position, read from the token store's table: a token
 * store's own fetch would claim the segment, and the in-process processor knows only the segments this instance
 * owns, while with several instances every segment (whoever owns it) has to have passed the position. The operations
 * API and the reindex read processors' progress here too.
 */
@Component
public class ProcessorPositions {

    /**
     * One segment's stored token.
     *
     * @param owner the node holding the claim, or null when unclaimed
     * @param token null before the segment's first event
     */
    public record SegmentToken(int segment, String owner, TrackingToken token) {

        /** The global position of the last event this segment has handled (or skipped as not its own). */
        public OptionalLong position() {
            TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
            return current == null ? OptionalLong.empty() : current.position();
        }

        public boolean replaying() {
            return token != null && ReplayToken.isReplay(token);
        }
    }

    private final JdbcClient jdbc;
    private final Serializer serializer;

    ProcessorPositions(JdbcClient jdbc, @Qualifier("serializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * True when every segment of {@code processor} has handled the event at {@code position}: its token's index is
     * at or past it and not one of the token's gaps (an event committed late, not yet seen).
     */
    boolean passed(String processor, long position) {
        List<SegmentToken> segments = segments(processor);
        return !segments.isEmpty()
                && segments.stream().allMatch(s -> s.token() != null && passed(s.token(), position));
    }

    /** Every segment of {@code processor}, claimed by this instance or another, by segment id. */
    public List<SegmentToken> segments(String processor) {
        return jdbc.sql("""
                        SELECT segment, owner, token, token_type FROM token_entry WHERE processor_name = ?
                        ORDER BY segment""")
                .param(processor)
                .query((row, i) -> new SegmentToken(row.getInt(1), row.getString(2), row.getBytes(3) == null ? null
                        : serializer.<byte[], TrackingToken>deserialize(
                                new SimpleSerializedObject<>(row.getBytes(3), byte[].class, row.getString(4), null))))
                .list();
    }

    /** The global position of the newest event in the event store, or -1 when it is empty. */
    public long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), -1) FROM domain_event_entry").query(Long.class).single();
    }

    private static boolean passed(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        // Not GapAwareTrackingToken.covers: that also demands every older gap be filled, and a gap stays for up to a
        // minute after any rolled-back insert (each 409, say), which would hold every reader back that long. The
        // events of one command commit together, so once its last event is seen, the whole command is.
        return current instanceof GapAwareTrackingToken gapAware
                ? gapAware.getIndex() >= position && !gapAware.getGaps().contains(position)
                : current != null && current.position().orElse(-1) >= position;
    }
}
