package dev.cinema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the catalogue read model equals a fresh projection of the event store: the names of all live films,
 * persons and genres folded from their events (created, renamed or retitled, deleted) against every document of
 * the Elasticsearch indices. A document missing, one too many (a deleted aggregate still there, or a document
 * of no aggregate) or with another name is a difference. Document ids are aggregate ids, so nothing can be
 * there twice; the counts show it anyway.
 */
final class ReadModelCheck {

    /** Per index: the aggregate type in the event store and the document field holding the name. */
    private record Kind(String index, String aggregate, String field, String payloadField) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("films", "Film", "title", "title"),
            new Kind("persons", "Person", "full_name", "fullName"),
            new Kind("genres", "Genre", "name", "name"));

    record Outcome(Map<String, long[]> counts, List<String> differences) {
        boolean equal() {
            return differences.isEmpty();
        }

        String summary() {
            StringBuilder text = new StringBuilder();
            counts.forEach((index, count) -> text.append(String.format("%s: %,d in the event store, %,d documents; ",
                    index, count[0], count[1])));
            return text + (differences.isEmpty() ? "equal" : differences.size() + " differences, e.g. "
                    + differences.subList(0, Math.min(5, differences.size())));
        }
    }

    private final Platform platform;
    private final String eventStore;
    private final String indexPrefix;

    ReadModelCheck(Platform platform, String eventStore, String indexPrefix) {
        this.platform = platform;
        this.eventStore = eventStore;
        this.indexPrefix = indexPrefix;
    }

    /** First waits until query-side has projected the event store as far as it is now (up to 5 minutes). */
    Outcome compare() throws Exception {
        Map<String, long[]> counts = new java.util.LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        long head = head();
        if (!projectedUpTo(head)) {
            differences.add("query-side did not reach the event store's head (" + head + ") within 5 minutes");
        }
        for (Kind kind : KINDS) {
            Map<String, String> expected = fold(kind);
            Map<String, String> actual = documents(kind);
            counts.put(kind.index, new long[] {expected.size(), actual.size()});
            expected.forEach((id, name) -> {
                if (!actual.containsKey(id)) {
                    differences.add(kind.index + " " + id + " missing");
                } else if (!name.equals(actual.get(id))) {
                    differences.add(kind.index + " " + id + ": '" + actual.get(id) + "' instead of '" + name + "'");
                }
            });
            actual.keySet().stream().filter(id -> !expected.containsKey(id))
                    .forEach(id -> differences.add(kind.index + " " + id + " has no live aggregate"));
        }
        return new Outcome(counts, differences);
    }

    private long head() throws Exception {
        try (Connection store = DriverManager.getConnection(platform.postgresUrl() + eventStore, "postgres", "");
             Statement query = store.createStatement();
             ResultSet head = query.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            head.next();
            return head.getLong(1);
        }
    }

    /** Query-side's read-your-writes wait: a request with the position as consistency token is held until then. */
    private boolean projectedUpTo(long position) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                int status = platform.http().send("GET", platform.queryUrl() + "/movies/api/v1/genres/" + java.util.UUID.randomUUID(),
                        null, 0, "X-Consistency-Token", Long.toString(position)).statusCode();
                if (status == 404) {
                    return true;
                }
            } catch (java.io.IOException restarting) {
                // query-side coming back after a fault
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    /** Live aggregates of the kind and their current names, from the events in order. */
    private Map<String, String> fold(Kind kind) throws Exception {
        Map<String, String> names = new HashMap<>();
        try (Connection store = DriverManager.getConnection(platform.postgresUrl() + eventStore, "postgres", "")) {
            store.setAutoCommit(false);
            try (Statement query = store.createStatement()) {
                query.setFetchSize(5_000);
                try (ResultSet events = query.executeQuery("SELECT aggregate_identifier, payload_type, convert_from(payload, 'UTF8')"
                        + " FROM domain_event_entry WHERE type = '" + kind.aggregate + "' ORDER BY global_index")) {
                    while (events.next()) {
                        String id = events.getString(1);
                        String type = events.getString(2);
                        if (type.endsWith("Deleted")) {
                            names.remove(id);
                            continue;
                        }
                        JsonNode payload = Http.JSON.readTree(events.getString(3));
                        if (payload.hasNonNull(kind.payloadField)) {
                            names.put(id, payload.get(kind.payloadField).asText());
                        }
                    }
                }
            }
        }
        return names;
    }

    private Map<String, String> documents(Kind kind) throws Exception {
        Map<String, String> names = new HashMap<>();
        JsonNode page = platform.http().json("POST", platform.elasticsearchUrl() + "/" + indexPrefix + kind.index
                + "/_search?scroll=2m", "{\"size\":5000,\"sort\":[\"_doc\"],\"_source\":[\"" + kind.field + "\"]}", 200);
        while (page.path("hits").path("hits").size() > 0) {
            for (JsonNode hit : page.path("hits").path("hits")) {
                names.put(hit.get("_id").asText(), hit.path("_source").path(kind.field).asText());
            }
            page = platform.http().json("POST", platform.elasticsearchUrl() + "/_search/scroll",
                    "{\"scroll\":\"2m\",\"scroll_id\":" + page.get("_scroll_id") + "}", 200);
        }
        return names;
    }
}
