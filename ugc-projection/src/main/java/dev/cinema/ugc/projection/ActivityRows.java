package dev.cinema.ugc.projection;

import dev.cinema.contracts.ugc.RatingGiven;
import dev.cinema.contracts.ugc.UserActivity;
import dev.cinema.contracts.ugc.ViewProgressed;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes events into {@code user_events}: the whole batch as one INSERT (clickhouse-jdbc sends a JDBC batch as one
 * request, RowBinary with {@code beta.row_binary_for_simple_insert}), so ClickHouse makes one part per batch and
 * the materialised views see it in one block. A failure throws, and the batch is written again later: a row
 * written twice is harmless (ReplacingMergeTree on the event's facts, and every view aggregates idempotently).
 */
@Component
public class ActivityRows {

    private static final String INSERT = "INSERT INTO user_events"
            + " (event_id, type, user_id, film_id, occurred_at, position_s, duration_s, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    public ActivityRows(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void insert(List<UserActivity> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement row, int i) throws SQLException {
                UserActivity event = events.get(i);
                row.setObject(1, event.eventId());
                row.setString(2, event.type());
                row.setObject(3, event.userId());
                row.setObject(4, event.filmId());
                row.setObject(5, event.occurredAt());
                setNullable(row, 6, event instanceof ViewProgressed view ? view.positionS() : null);
                setNullable(row, 7, event instanceof ViewProgressed view ? view.durationS() : null);
                setNullable(row, 8, event instanceof RatingGiven rating ? rating.score() : null);
            }

            @Override
            public int getBatchSize() {
                return events.size();
            }
        });
    }

    private static void setNullable(PreparedStatement row, int index, Integer value) throws SQLException {
        if (value == null) {
            row.setNull(index, Types.INTEGER);
        } else {
            row.setInt(index, value);
        }
    }
}
