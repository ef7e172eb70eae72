package dev.cinema.ugc.clickhouse;

import java.sql.ResultSet;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health {@code clickhouse}: asks the server for its version through the application's pool (so it also proves
 * the database exists) and is DOWN until the migrations are applied. Replaces Boot's generic {@code db} check.
 */
@Component("clickhouseHealthIndicator") // the health component's name is the bean name without the suffix
public class ClickHouseHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;
    private final ClickHouseMigrations migrations;
    private final ClickHouseProperties properties;

    public ClickHouseHealthIndicator(DataSource dataSource, ClickHouseMigrations migrations, ClickHouseProperties properties) {
        super("ClickHouse health check failed");
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout((int) Math.max(1, properties.healthTimeout().toSeconds()));
        this.migrations = migrations;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("endpoint", properties.endpoint()).withDetail("database", properties.database());
        if (!migrations.isCurrent()) {
            // Checked first: until the migrations have created it, the pool cannot connect to the database.
            builder.down().withDetail("migrations", "pending: " + migrations.pendingReason());
            return;
        }
        String version = jdbc.query("SELECT version()", (ResultSet rs) -> rs.next() ? rs.getString(1) : null);
        builder.up().withDetail("version", version).withDetail("schemaVersion", migrations.schemaVersion());
    }
}
