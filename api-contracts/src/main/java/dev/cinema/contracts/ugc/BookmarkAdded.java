package dev.cinema.contracts.ugc;

import java.time.Instant;
import java.util.UUID;

/** The user bookmarks a film ("watch later"); the latest of added/removed per user and film is what holds. */
public record BookmarkAdded(UUID eventId, UUID userId, UUID filmId, Instant occurredAt) implements UserActivity {

    public static final String TYPE = "bookmark_added";

    @Override
    public String type() {
        return TYPE;
    }
}
