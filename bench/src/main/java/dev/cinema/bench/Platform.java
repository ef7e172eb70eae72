package dev.cinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;

/**
 * Where the running platform and its servers are (defaults: the local stack of {@code make up}), and the
 * accounts the benchmarks act as: the bench admin made with {@code make superuser} (BENCH_EMAIL, BENCH_PASSWORD)
 * and plain users registered through the API.
 */
record Platform(String commandUrl, String queryUrl, String ugcUrl, String elasticsearchUrl, String clickHouseUrl,
                String postgresUrl, String kafka, String adminEmail, String adminPassword, Http http) {

    static Platform from(Map<String, String> options) {
        return new Platform(
                options.getOrDefault("command-url", "http://127.0.0.1:8081"),
                options.getOrDefault("query-url", "http://127.0.0.1:8082"),
                options.getOrDefault("ugc-url", "http://127.0.0.1:8083"),
                options.getOrDefault("elasticsearch-url", "http://127.0.0.1:9200"),
                options.getOrDefault("clickhouse-url", "http://127.0.0.1:8123"),
                options.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/"),
                options.getOrDefault("kafka", "127.0.0.1:9092"),
                env("BENCH_EMAIL", "bench@cinema.local"),
                env("BENCH_PASSWORD", "bench password 1"),
                new Http());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A fresh access token of the bench admin (15 minutes: benchmarks log in again per run). */
    String adminToken() throws Exception {
        return login(adminEmail, adminPassword);
    }

    /** A newly registered plain user, logged in. */
    String userToken() throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@cinema.local";
        String password = "bench password " + UUID.randomUUID();
        http.send("POST", commandUrl + "/auth/api/v1/users/register",
                Http.JSON.writeValueAsString(Map.of("email", email, "password", password)), 201,
                "X-Forwarded-For", randomAddress());
        return login(email, password);
    }

    private String login(String email, String password) throws Exception {
        JsonNode tokens = http.json("POST", commandUrl + "/auth/api/v1/users/login",
                Http.JSON.writeValueAsString(Map.of("email", email, "password", password)), 200,
                "X-Forwarded-For", randomAddress());
        return tokens.get("access_token").asText();
    }

    /** Logins and registrations from one address would meet the per-IP rate limit of /auth. */
    private static String randomAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10.77." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
