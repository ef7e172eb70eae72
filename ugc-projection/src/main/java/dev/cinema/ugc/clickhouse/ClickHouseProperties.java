package dev.cinema.ugc.clickhouse;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the ClickHouse data lives. {@code spring.datasource.url} and {@code spring.flyway.*} are built from these
 * (application.yml), so that the database name is stated once.
 *
 * @param endpoint      host:port of the HTTP interface
 * @param database      the application's database; created by the first migration run
 * @param healthTimeout how long the health check may take
 */
@Validated
@ConfigurationProperties("ugc.clickhouse")
public record ClickHouseProperties(
        @NotBlank String endpoint,
        @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*") String database,
        @DefaultValue("2s") Duration healthTimeout) {
}
