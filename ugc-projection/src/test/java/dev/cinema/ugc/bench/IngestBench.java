package dev.cinema.ugc.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.cinema.ugc.UgcProjectionApplication;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Manual measurement (not a test): starts the application in-process against the real Kafka and ClickHouse, in a
 * database and topic of its own, with a local JWKS so that real signed tokens go through the real resource server;
 * posts EVENTS view_progress events over HTTP in requests of BATCH from CLIENTS parallel clients; reports ingest
 * events/s, the delay until ClickHouse has all of them, the delay from each request's 202 to its last row in
 * ClickHouse, and that posting them all again leaves exactly EVENTS distinct rows.
 *
 * <p>Run: {@code mvn -pl ugc-projection -am test-compile} then {@code java -cp <test classpath>
 * dev.cinema.ugc.bench.IngestBench [events] [batch] [clients]} (defaults 100000 1000 4), with the test class path
 * from {@code mvn -pl ugc-projection dependency:build-classpath -Dmdep.includeScope=test}.
 */
public final class IngestBench {

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            measure(args);
        } catch (Throwable e) {
            e.printStackTrace(); // before exit(), which would otherwise swallow it
            status = 1;
        }
        System.exit(status); // client threads of a failed start would keep the JVM alive
    }

    private static void measure(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String run = Long.toString(System.currentTimeMillis(), 36);

        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwksBody = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwksBody.length);
            exchange.getResponseBody().write(jwksBody);
            exchange.close();
        });
        jwks.start();

        // Command-line arguments: they outrank application.yml (builder "properties" would not).
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UgcProjectionApplication.class).run(
                "--server.port=0",
                "--ugc.clickhouse.database=cinema_bench_ugc",
                "--ugc.kafka.topic=ugc-events-bench-ugc-" + run,
                "--spring.kafka.consumer.group-id=ugc-bench-" + run,
                "--cinema.security.jwks-uri=http://127.0.0.1:"
                        + jwks.getAddress().getPort() + "/jwks.json",
                "--logging.level.dev.cinema.kit.web.RequestIdFilter=WARN",
                "--logging.level.org.apache.kafka=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
            while (!app.getBean(dev.cinema.ugc.clickhouse.ClickHouseMigrations.class).isCurrent()
                    || !app.getBean(dev.cinema.ugc.kafka.KafkaTopics.class).ready()) {
                Thread.sleep(200);
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<UUID> users = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int from = 0; from < events; from += batch) {
                UUID user = UUID.randomUUID();
                users.add(user);
                tokens.add(token(key, user));
                StringBuilder body = new StringBuilder("[");
                for (int i = from; i < Math.min(events, from + batch); i++) {
                    body.append(i == from ? "" : ",").append("{\"type\":\"view_progress\",\"event_id\":\"")
                            .append(UUID.randomUUID()).append("\",\"film_id\":\"").append(film(i))
                            .append("\",\"occurred_at\":\"").append(Instant.now()).append("\",\"position_s\":")
                            .append(i % 5400).append(",\"duration_s\":5400}");
                }
                bodies.add(body.append(']').toString());
            }
            String userList = users.stream().map(u -> "'" + u + "'").reduce((a, b) -> a + "," + b).orElseThrow();

            for (int round = 1; round <= 2; round++) {
                long started = System.nanoTime();
                Map<UUID, Instant> acknowledged = post(http, port, bodies, tokens, users, clients);
                long posted = System.nanoTime();
                long distinct;
                do {
                    Thread.sleep(100);
                    distinct = jdbc.queryForObject("SELECT uniqExact(event_id) FROM user_events WHERE user_id IN ("
                            + userList + ")", Long.class);
                } while (round == 1 && distinct < events);
                long projected = System.nanoTime();
                System.out.printf("round %d: %,d events in requests of %,d by %d clients: ingest %.1f s = %,.0f events/s;"
                                + " all in ClickHouse %.2f s after the last 202 (%.1f s after the first post); distinct rows %,d%n",
                        round, events, batch, clients, (posted - started) / 1e9, events / ((posted - started) / 1e9),
                        (projected - posted) / 1e9, (projected - started) / 1e9, distinct);
                if (round == 1) {
                    // Per request: its 202 → its last row written (received_at is the insert's now64()).
                    List<Long> delays = new ArrayList<>(jdbc.query("SELECT user_id, max(received_at) FROM user_events"
                                    + " WHERE user_id IN (" + userList + ") GROUP BY user_id",
                            (rs, i) -> Duration.between(acknowledged.get(rs.getObject(1, UUID.class)),
                                    rs.getObject(2, Instant.class)).toMillis()));
                    Collections.sort(delays);
                    System.out.printf("delay from a request's 202 to its last row in ClickHouse, ms: p50 %d, p95 %d, max %d%n",
                            delays.get(delays.size() / 2), delays.get(delays.size() * 95 / 100), delays.get(delays.size() - 1));
                } else {
                    Thread.sleep(5000); // let the copies arrive
                    System.out.printf("after posting all again: distinct %,d, rows FINAL %,d, raw rows %,d%n",
                            jdbc.queryForObject("SELECT uniqExact(event_id) FROM user_events WHERE user_id IN (" + userList + ")", Long.class),
                            jdbc.queryForObject("SELECT count() FROM user_events FINAL WHERE user_id IN (" + userList + ")", Long.class),
                            jdbc.queryForObject("SELECT count() FROM user_events WHERE user_id IN (" + userList + ")", Long.class));
                }
            }
        } finally {
            app.close();
            jwks.stop(0);
        }
    }

    private static UUID film(int i) {
        return UUID.nameUUIDFromBytes(("bench-film-" + i % 500).getBytes(StandardCharsets.UTF_8));
    }

    private static String token(RSAKey key, UUID user) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(user.toString()).claim("roles", List.of("user"))
                        .issuer("cinema-auth").claim("typ", "access").jwtID(UUID.randomUUID().toString())
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** Posts every body, {@code clients} at a time; returns when each user's request was acknowledged. */
    private static Map<UUID, Instant> post(HttpClient http, int port, List<String> bodies, List<String> tokens,
                                           List<UUID> users, int clients) throws Exception {
        Map<UUID, Instant> acknowledged = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                int request = i;
                done.add(pool.submit(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/ugc/api/v1/events"))
                            .header("Authorization", "Bearer " + tokens.get(request))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(request))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    acknowledged.put(users.get(request), Instant.now());
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return acknowledged;
        } finally {
            pool.shutdown();
        }
    }
}
