package dev.cinema.command.identity.loginhistory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Successful logins, in the month-partitioned {@code login_history} table. */
@Service
public class LoginHistory {

    public record Entry(@JsonProperty("logged_in_at") OffsetDateTime loggedInAt, String method, String ip,
                        @JsonProperty("user_agent") String userAgent) {}

    record Page(List<Entry> entries, long total) {}

    private final JdbcClient jdbc;

    LoginHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID userId, String method, String ip, String userAgent) {
        jdbc.sql("""
                        INSERT INTO login_history (id, user_id, logged_in_at, method, ip, user_agent)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), userId, Instant.now().atOffset(ZoneOffset.UTC), method, ip,
                        userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 1000)))
                .update();
    }

    Page page(UUID userId, int pageNumber, int pageSize) {
        List<Entry> entries = jdbc.sql("""
                        SELECT logged_in_at, method, ip, user_agent FROM login_history WHERE user_id = ?
                        ORDER BY logged_in_at DESC, id LIMIT ? OFFSET ?""")
                .params(userId, pageSize, (long) (pageNumber - 1) * pageSize)
                .query(Entry.class).list();
        long total = jdbc.sql("SELECT count(*) FROM login_history WHERE user_id = ?").param(userId)
                .query(Long.class).single();
        return new Page(entries, total);
    }
}
