package dev.cinema.ugc.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The analytics queries over the read models of V2__analytics_views.sql. Each groups by the model's key, so
 * rows not merged yet (and duplicates) count once; the definitions are in {@link FilmStats}.
 */
@Component
public class Analytics {

    /** A user counts as having completed a film at 90% of its duration. */
    static final double COMPLETED = 0.9;

    private final NamedParameterJdbcTemplate jdbc;

    public Analytics(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    public FilmStats filmStats(UUID filmId, LocalDate from, LocalDate to) {
        Map<String, Object> params = Map.of("film", filmId, "from", from, "to", to, "completed", COMPLETED);
        FilmStats.Viewing viewing = jdbc.queryForObject("""
                SELECT sum(days) AS views, count() AS viewers, countIf(progress >= :completed) AS completions,
                       if(count() = 0, 0, round(avg(progress), 4)) AS average_progress
                FROM (SELECT user_id, count() AS days, max(progress) AS progress
                      FROM (SELECT day, user_id, max(max_progress) AS progress FROM film_viewer_days
                            WHERE film_id = :film AND day BETWEEN toDate(:from) AND toDate(:to) GROUP BY day, user_id)
                      GROUP BY user_id)
                """, params, (rs, i) -> new FilmStats.Viewing(rs.getLong("views"), rs.getLong("viewers"),
                rs.getLong("completions"), rs.getDouble("average_progress")));
        FilmStats.Rating rating = jdbc.queryForObject("""
                SELECT count() AS ratings, if(count() = 0, NULL, round(avg(score), 2)) AS average
                FROM (SELECT user_id, argMaxMerge(score) AS score FROM film_ratings WHERE film_id = :film GROUP BY user_id)
                """, params, (rs, i) -> new FilmStats.Rating(rs.getObject("average") == null ? null : rs.getDouble("average"),
                rs.getLong("ratings")));
        Long bookmarks = jdbc.queryForObject("""
                SELECT countIf(bookmarked = 1)
                FROM (SELECT user_id, argMaxMerge(bookmarked) AS bookmarked FROM user_bookmarks WHERE film_id = :film
                      GROUP BY user_id)
                """, params, Long.class);
        return new FilmStats(filmId, from, to, viewing.views(), viewing.uniqueViewers(), viewing.completions(),
                viewing.averageProgress(), rating, bookmarks);
    }

    /** Films ranked by a viewing metric over the last {@code days} UTC days, today included. */
    public List<TopFilm> top(TopMetric metric, int days, LocalDate today, int limit) {
        return jdbc.query("""
                SELECT film_id, %s AS value FROM film_viewer_days
                WHERE day > toDate(:today) - :days AND day <= toDate(:today)
                GROUP BY film_id ORDER BY value DESC, film_id LIMIT :limit
                """.formatted(metric.sql), Map.of("today", today, "days", days, "limit", limit, "completed", COMPLETED),
                (rs, i) -> new TopFilm(rs.getObject("film_id", UUID.class), rs.getLong("value")));
    }

    /** Films the user started and has not finished, most recently watched first. */
    public List<ContinueWatching> continueWatching(UUID userId, int limit) {
        return jdbc.query("""
                SELECT film_id, position_s, duration_s, updated_at FROM (
                    SELECT film_id, argMaxMerge(position_s) AS position_s, argMaxMerge(duration_s) AS duration_s,
                           max(updated_at) AS updated_at
                    FROM user_film_progress WHERE user_id = :user GROUP BY film_id)
                WHERE position_s > 0 AND position_s < duration_s * :completed
                ORDER BY updated_at DESC, film_id LIMIT :limit
                """, Map.of("user", userId, "limit", limit, "completed", COMPLETED),
                (rs, i) -> new ContinueWatching(rs.getObject("film_id", UUID.class), rs.getInt("position_s"),
                        rs.getInt("duration_s"), rs.getObject("updated_at", Instant.class)));
    }

    /** The user's current bookmarks, most recent first. */
    public List<Bookmark> bookmarks(UUID userId, int limit) {
        return jdbc.query("""
                SELECT film_id, changed_at FROM (
                    SELECT film_id, argMaxMerge(bookmarked) AS bookmarked, max(changed_at) AS changed_at
                    FROM user_bookmarks WHERE user_id = :user GROUP BY film_id)
                WHERE bookmarked = 1 ORDER BY changed_at DESC, film_id LIMIT :limit
                """, Map.of("user", userId, "limit", limit),
                (rs, i) -> new Bookmark(rs.getObject("film_id", UUID.class), rs.getObject("changed_at", Instant.class)));
    }

    public enum TopMetric {
        VIEWS("uniqExact(day, user_id)"),
        UNIQUE_VIEWERS("uniqExact(user_id)"),
        COMPLETIONS("uniqExactIf(user_id, max_progress >= :completed)");

        private final String sql;

        TopMetric(String sql) {
            this.sql = sql;
        }
    }

    public record TopFilm(UUID filmId, long value) {
    }

    public record ContinueWatching(UUID filmId, int positionS, int durationS, Instant updatedAt) {
    }

    public record Bookmark(UUID filmId, Instant bookmarkedAt) {
    }
}
