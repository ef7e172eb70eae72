package dev.cinema.query.catalog.reindex;

import dev.cinema.query.catalog.reindex.ReindexJob.State;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reindex jobs' rows ({@code reindex_job}). */
@Repository
class ReindexJobs {

    private static final String COLUMNS = """
            id, state, indices, versions, prepared, cancel_requested, processed, total, events_per_second, error,
            created_at, updated_at, finished_at""";

    private final JdbcClient jdbc;

    ReindexJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new running job.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a job is running already
     */
    ReindexJob create(List<String> indices, List<Integer> versions) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO reindex_job (id, state, indices, versions) VALUES (?, 'RUNNING', ?::text[], ?::integer[])")
                .params(id, indices.toArray(String[]::new), versions.toArray(Integer[]::new)).update();
        return find(id).orElseThrow();
    }

    Optional<ReindexJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reindex_job WHERE id = ?").param(id)
                .query((row, i) -> job(row)).optional();
    }

    Optional<ReindexJob> running() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reindex_job WHERE state = 'RUNNING'")
                .query((row, i) -> job(row)).optional();
    }

    /** The latest jobs, newest first. */
    List<ReindexJob> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reindex_job ORDER BY created_at DESC LIMIT ?").param(limit)
                .query((row, i) -> job(row)).list();
    }

    void prepared(UUID id) {
        jdbc.sql("UPDATE reindex_job SET prepared = true, updated_at = now() WHERE id = ?").param(id).update();
    }

    void progress(UUID id, long processed, long total, Double eventsPerSecond) {
        jdbc.sql("""
                        UPDATE reindex_job SET processed = ?, total = ?, events_per_second = ?, updated_at = now()
                        WHERE id = ? AND state = 'RUNNING'""")
                .params(processed, total, eventsPerSecond, id).update();
    }

    /** Asks the job's runner to cancel it; false when it is not running. */
    boolean requestCancel(UUID id) {
        return jdbc.sql("UPDATE reindex_job SET cancel_requested = true, updated_at = now() WHERE id = ? AND state = 'RUNNING'")
                .param(id).update() == 1;
    }

    void finish(UUID id, State state, String error) {
        jdbc.sql("""
                        UPDATE reindex_job SET state = ?, error = ?, updated_at = now(), finished_at = now()
                        WHERE id = ? AND state = 'RUNNING'""")
                .params(state.name(), error, id).update();
    }

    private static ReindexJob job(ResultSet row) throws SQLException {
        return new ReindexJob(row.getObject("id", UUID.class), State.valueOf(row.getString("state")),
                List.of((String[]) array(row.getArray("indices"))), Arrays.asList((Integer[]) array(row.getArray("versions"))),
                row.getBoolean("prepared"), row.getBoolean("cancel_requested"), row.getLong("processed"),
                row.getLong("total"), row.getObject("events_per_second", Double.class), row.getString("error"),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("updated_at")),
                instant(row.getTimestamp("finished_at")));
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
