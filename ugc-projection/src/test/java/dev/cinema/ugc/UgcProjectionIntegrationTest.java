package dev.cinema.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.TopicDescription;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Set-up: DDL, topics, health, OpenAPI.
 */
class UgcProjectionIntegrationTest extends IntegrationTest {

    @Autowired
    Flyway flyway;
    @Autowired
    KafkaAdmin kafkaAdmin;
    @Autowired
    TestRestTemplate http;

    @Test
    void migrationsCreateTheDatabaseAndItsTables() {
        assertThat(jdbc.queryForObject("SELECT currentDatabase()", String.class)).isEqualTo(database);
        assertThat(jdbc.queryForObject("SELECT engine FROM system.databases WHERE name = ?", String.class, database))
                .isEqualTo("Atomic");
        assertThat(jdbc.queryForList("SELECT name FROM system.tables WHERE database = ?", String.class, database))
                .contains("user_events", "flyway_schema_history");
        assertThat(jdbc.queryForObject(
                "SELECT engine_full FROM system.tables WHERE database = ? AND name = 'user_events'", String.class, database))
                .startsWith("ReplacingMergeTree(received_at) PARTITION BY toYYYYMM(occurred_at)")
                .contains("ORDER BY (type, film_id, user_id, occurred_at, event_id)");
    }

    @Test
    void runningTheMigrationsAgainChangesNothing() {
        long history = jdbc.queryForObject("SELECT count() FROM flyway_schema_history", Long.class);

        MigrateResult again = flyway.migrate();

        assertThat(again.migrationsExecuted).isZero();
        assertThat(jdbc.queryForObject("SELECT count() FROM flyway_schema_history", Long.class)).isEqualTo(history);
    }

    @Test
    void migrationsBuildAFreshDatabaseFromNothingOnceOnly() {
        String fresh = "cinema_test_" + UUID.randomUUID().toString().replace("-", "");
        Flyway other = Flyway.configure().configuration(flyway.getConfiguration()).schemas(fresh).load();
        try {
            assertThat(other.migrate().migrationsExecuted).isEqualTo(migrationCount());
            assertThat(other.migrate().migrationsExecuted).isZero();
            assertThat(jdbc.queryForList("SELECT name FROM system.tables WHERE database = ?", String.class, fresh))
                    .contains("user_events", "flyway_schema_history");
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + fresh);
        }
    }

    @Test
    void theTopicExistsWithItsPartitions() {
        TopicDescription topic = kafkaAdmin.describeTopics(this.topic).get(this.topic);

        assertThat(topic.partitions()).hasSize(6);
        assertThat(topic.partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
        assertThat(kafkaAdmin.describeTopics(this.topic + ".dlt")).containsKey(this.topic + ".dlt");
    }

    @Test
    void healthIsUpWithKafkaAndClickHouse() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode components = health.getBody().path("components");
        assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(components.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("kafka").path("details").path("clusterId").asText()).isNotBlank();
        assertThat(components.path("kafka").path("details").path("nodes").asInt()).isPositive();
        assertThat(components.path("clickhouse").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("clickhouse").path("details").path("version").asText()).startsWith("26.");
        assertThat(components.path("clickhouse").path("details").path("database").asText()).isEqualTo(database);
        assertThat(components.has("db")).as("Boot's generic DataSource check is replaced").isFalse();

        ResponseEntity<JsonNode> readiness = http.getForEntity("/actuator/health/readiness", JsonNode.class);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody().path("components").has("kafka")).isTrue();
        assertThat(readiness.getBody().path("components").has("clickhouse")).isTrue();
    }

    @Test
    void openApiIsServedUnderTheGatewayPrefix() {
        assertThat(http.getForEntity("/ugc/api/openapi/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/ugc/api/openapi", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theApiNeedsAValidToken() {
        for (String token : new String[] {null, "not-a-token"}) {
            HttpHeaders headers = new HttpHeaders();
            if (token != null) {
                headers.setBearerAuth(token);
            }
            ResponseEntity<String> response = http.exchange("/ugc/api/v1/events", HttpMethod.GET,
                    new HttpEntity<>(headers), String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private int migrationCount() {
        return (int) List.of(flyway.info().all()).stream().filter(info -> info.getVersion() != null).count();
    }
}
