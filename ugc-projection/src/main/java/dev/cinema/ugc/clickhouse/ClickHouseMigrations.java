package dev.cinema.ugc.clickhouse;

import dev.cinema.ugc.BackgroundRetry;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Versioned ClickHouse DDL: Flyway (with its ClickHouse module) applies {@code classpath:clickhouse/V<n>__*.sql}
 * and records them in {@code flyway_schema_history} of the application's database. Flyway connects without a
 * database ({@code spring.flyway.url}) and creates the application's one first ({@code create-schemas}), since the
 * main pool cannot connect to a database that does not exist yet.
 *
 * <p>Boot's Flyway initializer would fail the start when ClickHouse is down; this strategy instead tries once and
 * then keeps trying in the background, and the {@code clickhouse} health stays DOWN until the schema is current.
 * ClickHouse has no transactional DDL: write migrations that can be re-run ({@code IF NOT EXISTS}).
 */
@Component
public class ClickHouseMigrations implements FlywayMigrationStrategy, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseMigrations.class);

    private volatile BackgroundRetry retry;
    private volatile String schemaVersion;

    @Override
    public void migrate(Flyway flyway) {
        retry = new BackgroundRetry("ClickHouse migrations", Duration.ofSeconds(2), Duration.ofSeconds(30), () -> {
            MigrateResult result = flyway.migrate();
            MigrationInfo current = flyway.info().current();
            schemaVersion = current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
            log.info("ClickHouse database {} at schema version {} ({} migration(s) applied now)",
                    result.schemaName, schemaVersion, result.migrationsExecuted);
            return result;
        });
        retry.start();
    }

    /** Whether the database exists and every migration has been applied. */
    public boolean isCurrent() {
        return retry != null && retry.succeeded();
    }

    /** The version of the last applied migration, once {@link #isCurrent()}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** Why the schema is not current yet (null when it is). */
    public String pendingReason() {
        BackgroundRetry current = retry;
        return current == null ? "migrations have not run" : current.lastFailure();
    }

    @Override
    public void destroy() {
        if (retry != null) {
            retry.close();
        }
    }
}
