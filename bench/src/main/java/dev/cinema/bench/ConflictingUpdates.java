package dev.cinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 100 clients renaming one person at once with the same If-Match, for a few versions in a row, over real HTTP on
 * the running command-side: per version exactly one 200, the others 409, and the person's history is exactly the
 * winners' names in order (no update lost, none applied twice). Writes one person named {@code Chaos …}.
 */
final class ConflictingUpdates {

    private static final int CLIENTS = 100;
    private static final int VERSIONS = 3;

    private final Platform platform;

    ConflictingUpdates(Platform platform) {
        this.platform = platform;
    }

    List<String> check() throws Exception {
        String token = platform.adminToken();
        String persons = platform.commandUrl() + "/admin/api/v1/persons";
        String id = platform.http().json("POST", persons, "{\"fullName\":\"Chaos conflicts\"}", 201,
                "Authorization", Http.bearer(token)).get("id").asText();
        List<String> failures = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int version = 0; version < VERSIONS; version++) {
                List<Future<int[]>> answers = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    int c = client;
                    int v = version;
                    answers.add(pool.submit(() -> new int[] {c, platform.http().send("PATCH", persons + "/" + id,
                            Http.JSON.writeValueAsString(Map.of("fullName", "Chaos " + v + "." + c)), 0,
                            "Authorization", Http.bearer(token), "If-Match", "\"" + v + "\"").statusCode()}));
                }
                int won = 0;
                int conflicts = 0;
                for (Future<int[]> answer : answers) {
                    int[] result = answer.get();
                    if (result[1] == 200) {
                        won++;
                        winners.add("Chaos " + version + "." + result[0]);
                    } else if (result[1] == 409) {
                        conflicts++;
                    } else {
                        failures.add("version " + version + ": a PATCH answered " + result[1]);
                    }
                }
                System.err.printf("  version %d: %d × 200, %d × 409%n", version, won, conflicts);
                if (won != 1) {
                    failures.add("version " + version + ": " + won + " winners");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> history = new ArrayList<>();
        for (JsonNode event : platform.http().json("GET", persons + "/" + id + "/history", null, 200,
                "Authorization", Http.bearer(token))) {
            if (event.path("type").asText().equals("PersonRenamed")) {
                history.add(event.path("payload").path("fullName").asText());
            }
        }
        if (!history.equals(winners)) {
            failures.add("history " + history + " is not the winners " + winners);
        }
        return failures;
    }
}
