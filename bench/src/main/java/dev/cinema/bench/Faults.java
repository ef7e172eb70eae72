package dev.cinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The destructive scenarios of {@code make chaos}: each injects one fault into the running stack with the
 * project's scripts while the platform works, lets it recover, and then checks that the read models equal a fresh
 * projection of what was written: nothing lost, nothing doubled. Each returns its failures (empty: passed).
 */
final class Faults {

    private final Platform platform;
    private final Scripts scripts;
    private final ReadModelCheck catalogue;
    private final String clickHouseDatabase;

    Faults(Platform platform, Scripts scripts, ReadModelCheck catalogue, String clickHouseDatabase) {
        this.platform = platform;
        this.scripts = scripts;
        this.catalogue = catalogue;
        this.clickHouseDatabase = clickHouseDatabase;
    }

    /** kill -9 of query-side while a full reindex runs; restarted by apps.sh; the reindex run again if it was lost. */
    List<String> queryKilledDuringReindex() throws Exception {
        String base = platform.queryUrl() + "/movies/api/v1/admin/reindex";
        String id = platform.http().json("POST", base, null, 202, "Authorization", Http.bearer(platform.adminToken())).path("id").asText();
        Thread.sleep(3_000);
        System.err.println("  reindex " + id + " under way: " + platform.http().send("GET", base + "/" + id, null, 0,
                "Authorization", Http.bearer(platform.adminToken())).body());
        scripts.killHard("query-side");
        scripts.run("apps.sh", "start", "query-side");
        HttpResponse<String> after = platform.http().send("GET", base + "/" + id, null, 0, "Authorization", Http.bearer(platform.adminToken()));
        System.err.println("  after the restart, reindex " + id + ": " + after.statusCode() + " " + after.body());
        if (after.statusCode() != 200 || !awaitReindex(base, id)) {
            System.err.println("  the interrupted reindex did not finish by itself: running a new one, as an operator would");
            String again = platform.http().json("POST", base, null, 202, "Authorization", Http.bearer(platform.adminToken())).path("id").asText();
            if (!awaitReindex(base, again)) {
                return List.of("a reindex after the restart did not finish");
            }
        }
        return catalogueEqualsEvents();
    }

    /** Elasticsearch stopped and started again while commands keep arriving (10 a second for 60 s). */
    List<String> elasticsearchRestartedDuringProjection() throws Exception {
        String token = platform.adminToken();
        Set<String> written = ConcurrentHashMap.newKeySet();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Load.Sample> commands = writer.submit(() -> Load.steady("commands during the Elasticsearch restart", 4, 60, 10,
                (client, i) -> {
                    HttpResponse<String> created = platform.http().send("POST", platform.commandUrl() + "/admin/api/v1/persons",
                            Http.JSON.writeValueAsString(Map.of("fullName", "Chaos " + UUID.randomUUID())), 201,
                            "Authorization", Http.bearer(token));
                    written.add(Http.JSON.readTree(created.body()).get("id").asText());
                    return -1;
                }));
        Thread.sleep(10_000);
        scripts.run("elasticsearch.sh", "stop");
        Thread.sleep(15_000);
        scripts.run("elasticsearch.sh", "start");
        Load.Sample sample = commands.get();
        writer.shutdown();
        List<String> failures = new ArrayList<>();
        if (sample.failures() > 0) {
            failures.add(sample.failures() + " commands failed while Elasticsearch was down (command-side does not need it): "
                    + sample.firstFailure());
        }
        retryDeadLetters();
        System.err.printf("  %,d persons written during the fault%n", written.size());
        failures.addAll(catalogueEqualsEvents());
        return failures;
    }

    /** ClickHouse stopped for 60 s while activity is posted; every accepted event must reach it exactly once. */
    List<String> clickHouseStoppedDuringIngest() throws Exception {
        return ingestThrough(() -> {
            Thread.sleep(10_000);
            scripts.run("clickhouse.sh", "stop");
            Thread.sleep(60_000);
            scripts.run("clickhouse.sh", "start");
        }, 90);
    }

    /** The Kafka broker restarted while activity is posted; requests refused meanwhile (503) are retried as is. */
    List<String> kafkaRestartedDuringIngest() throws Exception {
        return ingestThrough(() -> {
            Thread.sleep(10_000);
            scripts.run("kafka.sh", "restart");
        }, 45);
    }

    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    private List<String> ingestThrough(Fault fault, int seconds) throws Exception {
        int clients = 4;
        List<String> tokens = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String token = platform.userToken();
            tokens.add(token);
            users.add(Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText());
        }
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicLong refused = new AtomicLong();
        ExecutorService poster = Executors.newSingleThreadExecutor();
        Future<Load.Sample> posting = poster.submit(() -> Load.steady("UGC posts during the fault", clients, seconds, 10,
                (client, i) -> {
                    List<String> ids = new ArrayList<>();
                    StringBuilder batch = new StringBuilder("[");
                    for (int e = 0; e < 20; e++) {
                        String id = UUID.randomUUID().toString();
                        ids.add(id);
                        batch.append(e == 0 ? "" : ",").append("{\"type\":\"view_progress\",\"event_id\":\"").append(id)
                                .append("\",\"film_id\":\"").append(UUID.nameUUIDFromBytes(("chaos-film-" + e).getBytes()))
                                .append("\",\"occurred_at\":\"").append(Instant.now()).append("\",\"position_s\":").append(e)
                                .append(",\"duration_s\":100}");
                    }
                    String body = batch.append(']').toString();
                    // As the API asks: a 503 is retried with the same request (event ids make that safe).
                    for (int attempt = 0; attempt < 60; attempt++) {
                        int status = platform.http().send("POST", platform.ugcUrl() + "/ugc/api/v1/events", body, 0,
                                "Authorization", Http.bearer(tokens.get(client))).statusCode();
                        if (status == 202) {
                            accepted.addAll(ids);
                            return -1;
                        }
                        if (status != 503) {
                            throw new IllegalStateException("ingest answered " + status);
                        }
                        refused.incrementAndGet();
                        Thread.sleep(1_000);
                    }
                    throw new IllegalStateException("ingest refused the same batch for a minute");
                }));
        fault.inject();
        Load.Sample sample = posting.get();
        poster.shutdown();
        List<String> failures = new ArrayList<>();
        if (sample.failures() > 0) {
            failures.add(sample.failures() + " batches never accepted: " + sample.firstFailure());
        }
        System.err.printf("  %,d events accepted, %,d requests answered 503 and retried%n", accepted.size(), refused.get());
        String in = users.stream().map(user -> "'" + user + "'").collect(Collectors.joining(","));
        long deadline = System.nanoTime() + 300_000_000_000L;
        long distinct = -1;
        while (System.nanoTime() < deadline) {
            try {
                distinct = Long.parseLong(clickHouse("SELECT uniqExact(event_id) FROM " + clickHouseDatabase
                        + ".user_events WHERE user_id IN (" + in + ")").trim());
                if (distinct >= accepted.size()) {
                    break;
                }
            } catch (Exception stillStarting) {
                // ClickHouse coming back
            }
            Thread.sleep(1_000);
        }
        Set<String> stored = Set.of(clickHouse("SELECT DISTINCT toString(event_id) FROM " + clickHouseDatabase
                + ".user_events WHERE user_id IN (" + in + ")").split("\n")).stream()
                .filter(id -> !id.isBlank()).collect(Collectors.toSet());
        long finalRows = Long.parseLong(clickHouse("SELECT count() FROM " + clickHouseDatabase
                + ".user_events FINAL WHERE user_id IN (" + in + ")").trim());
        long rawRows = Long.parseLong(clickHouse("SELECT count() FROM " + clickHouseDatabase
                + ".user_events WHERE user_id IN (" + in + ")").trim());
        System.err.printf("  ClickHouse: %,d distinct events, %,d rows after deduplication (FINAL), %,d raw rows%n",
                stored.size(), finalRows, rawRows);
        long lost = accepted.stream().filter(id -> !stored.contains(id)).count();
        long unknown = stored.stream().filter(id -> !accepted.contains(id)).count();
        if (lost > 0) {
            failures.add(lost + " accepted events lost");
        }
        if (unknown > 0) {
            failures.add(unknown + " events stored that were never accepted");
        }
        if (finalRows != accepted.size()) {
            failures.add(finalRows + " rows after deduplication for " + accepted.size() + " accepted events (doubled)");
        }
        return failures;
    }

    private boolean awaitReindex(String base, String id) throws Exception {
        long deadline = System.nanoTime() + 1_800_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> progress = platform.http().send("GET", base + "/" + id, null, 0,
                    "Authorization", Http.bearer(platform.adminToken()));
            if (progress.statusCode() != 200) {
                return false;
            }
            JsonNode state = Http.JSON.readTree(progress.body());
            if (Reindex.failed(state)) {
                return false;
            }
            if (Reindex.done(state)) {
                return true;
            }
            Thread.sleep(2_000);
        }
        return false;
    }

    /** What an operator does after an outage: dead letters (events parked after their retries) are retried. */
    private void retryDeadLetters() throws Exception {
        String token = platform.adminToken();
        String operations = platform.queryUrl() + "/movies/api/v1/admin";
        HttpResponse<String> groups = platform.http().send("GET", operations + "/dead-letters", null, 0, "Authorization", Http.bearer(token));
        if (groups.statusCode() != 200) {
            System.err.println("  no operations API on query-side (" + groups.statusCode() + "): dead letters not retried");
            return;
        }
        for (JsonNode group : Http.JSON.readTree(groups.body())) {
            String name = group.isTextual() ? group.asText() : group.path("group").asText(group.path("name").asText());
            int status = platform.http().send("POST", operations + "/dead-letters/" + name + "/retry", null, 0,
                    "Authorization", Http.bearer(token)).statusCode();
            System.err.println("  retried dead letters of " + name + ": " + status);
        }
    }

    private List<String> catalogueEqualsEvents() throws Exception {
        ReadModelCheck.Outcome outcome = catalogue.compare();
        System.err.println("  read model vs event store: " + outcome.summary());
        return outcome.equal() ? List.of() : List.of("read model differs from the event store: " + outcome.summary());
    }

    private String clickHouse(String query) throws Exception {
        return platform.http().send("POST", platform.clickHouseUrl() + "/", query, 200).body();
    }
}
