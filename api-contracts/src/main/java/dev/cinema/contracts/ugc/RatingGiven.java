package dev.cinema.contracts.ugc;

import java.time.Instant;
import java.util.UUID;

/** The user rates a film 1..10; a later rating of the same film by the same user replaces the earlier one. */
public record RatingGiven(UUID eventId, UUID userId, UUID filmId, Instant occurredAt, int score)
        implements UserActivity {

    public static final String TYPE = "rating";

    @Override
    public String type() {
        return TYPE;
    }
}
