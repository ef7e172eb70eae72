package dev.cinema.query.catalog.reindex;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reindex as its row says (and as the API shows it).
 *
 * @param indices         the indices rebuilt
 * @param versions        the version built for each index, in the same order
 * @param processed       global positions of the event store replayed so far
 * @param total           the event store's head position (it grows while the job runs)
 * @param eventsPerSecond the replay's recent speed, null before it is known
 */
public record ReindexJob(UUID id, State state, List<String> indices, List<Integer> versions,
                         @JsonIgnore boolean prepared, boolean cancelRequested, long processed, long total,
                         Double eventsPerSecond, String error, Instant createdAt, Instant updatedAt,
                         Instant finishedAt) {

    public enum State { RUNNING, COMPLETED, CANCELLED, FAILED }

    @JsonProperty
    public double percent() {
        if (state == State.COMPLETED) {
            return 100;
        }
        return total <= 0 ? 0 : Math.min(100, Math.floor(1000.0 * processed / total) / 10);
    }

    /** Seconds until the replay reaches the head at its recent speed; null when unknown or not running. */
    @JsonProperty
    public Long etaSeconds() {
        if (state != State.RUNNING || eventsPerSecond == null || eventsPerSecond <= 0) {
            return null;
        }
        return Math.round(Math.max(0, total - processed) / eventsPerSecond);
    }
}
