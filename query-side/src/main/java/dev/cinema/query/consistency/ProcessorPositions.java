package dev.cinema.query.consistency;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
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
 * owns, while with several instances every segment (whoever owns it) has to have passed the position.
 */
@Component
class ProcessorPositions {

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
        List<TrackingToken> tokens = jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = ?")
                .param(processor)
                .query((row, i) -> row.getBytes(1) == null ? null : serializer.<byte[], TrackingToken>deserialize(
                        new SimpleSerializedObject<>(row.getBytes(1), byte[].class, row.getString(2), null)))
                .list();
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> token != null && passed(token, position));
    }

    private static boolean passed(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        // Not GapAwareTrackingToken.covers: that also demands every older gap be filled, and a gap stays for up to a
        // minute after any rolled-back insert (each 409, say), which would hold every reader back that long. The
        // events of one command commit together, so once its last event is seen, the whole command is.
        return current instanceof GapAwareTrackingToken gapAware
                ? gapAware.getIndex() >= position && !gapAware.getGaps().contains(position)
                : current.position().orElse(-1) >= position;
    }
}
