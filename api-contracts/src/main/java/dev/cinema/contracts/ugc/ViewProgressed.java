package dev.cinema.contracts.ugc;

import java.time.Instant;
import java.util.UUID;

/** The player reports how far the user got: position and film length in seconds, position ≤ duration. */
public record ViewProgressed(UUID eventId, UUID userId, UUID filmId, Instant occurredAt, int positionS, int durationS)
        implements UserActivity {

    public static final String TYPE = "view_progress";

    @Override
    public String type() {
        return TYPE;
    }
}
