package dev.cinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A full reindex (query-side's admin API: POST /movies/api/v1/admin/reindex → 202 {id}, then GET …/{id} until it
 * is done) over the catalogue in {@code --reindex-store}, as events replayed per second; against a raw
 * Elasticsearch {@code _bulk} of the same documents (read from the finished indices beforehand) into fresh
 * indices with the same settings and mappings, as the same events per second. The query-side it drives
 * ({@code --query-url}) must read that store: bench/reindex-store.sh generates one and starts such a query-side.
 */
final class Reindex {

    private static final List<String> INDICES = List.of("films", "persons", "genres");
    private static final Set<String> DONE = Set.of("done", "completed", "complete", "finished", "succeeded", "success");
    private static final Set<String> FAILED = Set.of("failed", "error", "aborted", "cancelled", "canceled");

    private final Platform platform;
    private final Settings settings;
    private final String indexPrefix;

    Reindex(Platform platform, Settings settings, String indexPrefix) {
        this.platform = platform;
        this.settings = settings;
        this.indexPrefix = indexPrefix;
    }

    List<Figure> measure() throws Exception {
        long events = catalogueEvents();
        Figure figure = new Figure("full reindex", String.format("events/s replayed into new indices (%,d events)", events),
                "events/s", "raw ES _bulk of the same documents (as the same events/s)", true);
        Figure documents = new Figure("full reindex", "documents/s written", "docs/s", "raw ES _bulk, 1,000 documents per request", true);
        for (int run = 1; run <= settings.runs(); run++) {
            double seconds = reindexOnce(run);
            figure.platformRuns.add(events / seconds);
            List<byte[]> bulks = new ArrayList<>();
            long docs = readDocuments(bulks);
            documents.platformRuns.add(docs / seconds);
            double raw = bulkOnce(bulks, run);
            figure.baselineRuns.add(events / raw);
            documents.baselineRuns.add(docs / raw);
        }
        return List.of(figure, documents);
    }

    private double reindexOnce(int run) throws Exception {
        String token = platform.adminToken();
        String base = platform.queryUrl() + "/movies/api/v1/admin/reindex";
        long started = System.nanoTime();
        String id = platform.http().json("POST", base, null, 202, "Authorization", Http.bearer(token)).path("id").asText();
        while (true) {
            Thread.sleep(500);
            if ((System.nanoTime() - started) / 1e9 > 600) {
                token = platform.adminToken();
            }
            JsonNode progress = platform.http().json("GET", base + "/" + id, null, 200, "Authorization", Http.bearer(token));
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.err.printf("\r  reindex run %d: %5.1f s %s", run, elapsed, abbreviate(progress.toString()));
            if (done(progress)) {
                System.err.printf("%n  reindex run %d: done in %.1f s%n", run, elapsed);
                return elapsed;
            }
            if (failed(progress)) {
                throw new IllegalStateException("reindex " + id + " failed: " + progress);
            }
        }
    }

    static boolean done(JsonNode progress) {
        return DONE.contains(state(progress));
    }

    static boolean failed(JsonNode progress) {
        return FAILED.contains(state(progress));
    }

    /** The job's state, whichever of the usual names the progress document gives it. */
    private static String state(JsonNode progress) {
        for (String field : List.of("state", "status", "phase")) {
            if (progress.hasNonNull(field)) {
                return progress.get(field).asText().toLowerCase(Locale.ROOT);
            }
        }
        return progress.path("done").asBoolean(false) || progress.path("finished").asBoolean(false) ? "done" : "";
    }

    /** Every document of the three indices as _bulk bodies of 1,000 documents for the raw indices. */
    private long readDocuments(List<byte[]> bulks) throws Exception {
        long count = 0;
        for (String index : INDICES) {
            String source = platform.elasticsearchUrl() + "/" + indexPrefix + index;
            JsonNode page = platform.http().json("POST", source + "/_search?scroll=2m", "{\"size\":1000,\"sort\":[\"_doc\"]}", 200);
            StringBuilder bulk = new StringBuilder();
            int inBulk = 0;
            while (page.path("hits").path("hits").size() > 0) {
                for (JsonNode hit : page.path("hits").path("hits")) {
                    bulk.append("{\"index\":{\"_index\":\"").append(rawIndex(index)).append("\",\"_id\":")
                            .append(hit.get("_id")).append("}}\n").append(hit.get("_source")).append('\n');
                    count++;
                    if (++inBulk == 1_000) {
                        bulks.add(bulk.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        bulk.setLength(0);
                        inBulk = 0;
                    }
                }
                page = platform.http().json("POST", platform.elasticsearchUrl() + "/_search/scroll",
                        "{\"scroll\":\"2m\",\"scroll_id\":" + page.get("_scroll_id") + "}", 200);
            }
            if (inBulk > 0) {
                bulks.add(bulk.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return count;
    }

    private double bulkOnce(List<byte[]> bulks, int run) throws Exception {
        for (String index : INDICES) {
            platform.http().send("DELETE", platform.elasticsearchUrl() + "/" + rawIndex(index), null, 0);
            platform.http().send("PUT", platform.elasticsearchUrl() + "/" + rawIndex(index), definition(index), 200);
        }
        long started = System.nanoTime();
        for (int i = 0; i < bulks.size(); i++) {
            JsonNode answer = Http.JSON.readTree(platform.http().sendBytes("POST", platform.elasticsearchUrl() + "/_bulk",
                    bulks.get(i), "application/x-ndjson", 200).body());
            if (answer.path("errors").asBoolean()) {
                throw new IllegalStateException("raw bulk failed: " + abbreviate(answer.toString()));
            }
            System.err.printf("\r  raw _bulk run %d: %,d of %,d requests", run, i + 1, bulks.size());
        }
        platform.http().send("POST", platform.elasticsearchUrl() + "/" + indexPrefix + "bench_raw_*/_refresh", null, 0);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("%n  raw _bulk run %d: %.1f s%n", run, seconds);
        for (String index : INDICES) {
            platform.http().send("DELETE", platform.elasticsearchUrl() + "/" + rawIndex(index), null, 0);
        }
        return seconds;
    }

    /** The live index's analysis settings and mappings, for a raw index that costs Elasticsearch the same. */
    private String definition(String index) throws Exception {
        String source = platform.elasticsearchUrl() + "/" + indexPrefix + index;
        JsonNode settings = platform.http().json("GET", source + "/_settings", null, 200);
        JsonNode mappings = platform.http().json("GET", source + "/_mapping", null, 200);
        JsonNode indexSettings = settings.elements().next().path("settings").path("index");
        ObjectNode definition = Http.JSON.createObjectNode();
        ObjectNode target = definition.putObject("settings").putObject("index");
        target.put("number_of_shards", indexSettings.path("number_of_shards").asText("1"));
        target.put("number_of_replicas", 0);
        if (indexSettings.has("analysis")) {
            target.set("analysis", indexSettings.get("analysis"));
        }
        if (indexSettings.has("refresh_interval")) {
            target.set("refresh_interval", indexSettings.get("refresh_interval"));
        }
        definition.set("mappings", mappings.elements().next().path("mappings"));
        return definition.toString();
    }

    private String rawIndex(String index) {
        return indexPrefix + "bench_raw_" + index;
    }

    private long catalogueEvents() throws Exception {
        try (Connection store = DriverManager.getConnection(platform.postgresUrl() + settings.reindexStore(), "postgres", "");
             Statement query = store.createStatement();
             ResultSet count = query.executeQuery(
                     "SELECT count(*) FROM domain_event_entry WHERE type IN ('Film', 'Genre', 'Person')")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
