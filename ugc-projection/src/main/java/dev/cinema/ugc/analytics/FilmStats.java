package dev.cinema.ugc.analytics;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A film's audience over the UTC days {@code from..to} (inclusive).
 *
 * @param views           viewer-days: for each day, the users who watched any of it that day
 * @param uniqueViewers   users who watched any of it in the range
 * @param completions     of those, users who reached 90% of its duration in the range
 * @param averageProgress mean over those users of the furthest point each reached (0..1, 4 decimals)
 * @param rating          the users' current ratings (a later rating replaces an earlier one; not limited to the range)
 * @param bookmarks       users who have it bookmarked now
 */
public record FilmStats(UUID filmId, LocalDate from, LocalDate to, long views, long uniqueViewers, long completions,
                        double averageProgress, Rating rating, long bookmarks) {

    /** @param average 2 decimals; null when nobody rated it */
    public record Rating(Double average, long count) {
    }

    record Viewing(long views, long uniqueViewers, long completions, double averageProgress) {
    }
}
