package dev.cinema.contracts.ugc;

import java.time.Instant;
import java.util.UUID;

/** The user removes a film from the bookmarks. */
public record BookmarkRemoved(UUID eventId, UUID userId, UUID filmId, Instant occurredAt) implements UserActivity {

    public static final String TYPE = "bookmark_removed";

    @Override
    public String type() {
        return TYPE;
    }
}
